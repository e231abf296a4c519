import { z } from "zod";
import { checkFiness, FINESS_DEPARTMENTS_TEXT, normalizeFiness } from "@/lib/identifiers/finess";
import { checkSiret, siretProblemMessage } from "@/lib/identifiers/siret";
import { DEPARTMENTS } from "./territories";

/**
 * The establishment's profile form, shared by the browser and the server. The region follows from
 * the department (one source: the official geographic code), so it is not asked.
 */
function zFiness(what: string) {
  return z
    .string()
    .transform((value) => normalizeFiness(value))
    .superRefine((finess, ctx) => {
      const problem = checkFiness(finess);
      if (problem === "format") {
        ctx.addIssue({
          code: "custom",
          message: `Le numéro FINESS ${what} doit comporter 9 caractères : les 2 chiffres du département (2A ou 2B pour la Corse) puis 7 chiffres.`,
        });
      } else if (problem === "department") {
        ctx.addIssue({
          code: "custom",
          message: `Le numéro FINESS ${finess} ne commence pas par un numéro de département (${FINESS_DEPARTMENTS_TEXT}).`,
        });
      } else if (problem === "checkKey") {
        ctx.addIssue({
          code: "custom",
          message: `Le numéro FINESS ${finess} n'est pas valide : son dernier chiffre (clé de contrôle) ne correspond pas. Vérifiez les chiffres saisis.`,
        });
      }
    });
}

const zSiret = z
  .string()
  .transform((value) => value.replace(/\s+/g, ""))
  .superRefine((siret, ctx) => {
    if (siret === "") return;
    const problem = checkSiret(siret);
    if (problem) ctx.addIssue({ code: "custom", message: siretProblemMessage(problem, siret) });
  });

export const ZContactInput = z.object({
  fullName: z.string().trim().min(1, { error: "Indiquez le nom du contact." }).max(200),
  role: z.string().trim().min(1, { error: "Indiquez sa fonction." }).max(200),
  email: z.email({ error: "Saisissez une adresse électronique valide." }).trim().toLowerCase(),
  phone: z
    .string()
    .trim()
    .max(30)
    .refine((phone) => phone === "" || /^(\+33|0)[1-9]( ?\d{2}){4}$/.test(phone), {
      error: "Saisissez un numéro de téléphone français, par exemple 05 49 12 34 56.",
    }),
});

export const ZEstablishmentProfileInput = z.object({
  name: z.string().trim().min(1, { error: "Indiquez le nom de l'établissement." }).max(200),
  finessEt: zFiness("de l'établissement (ET)"),
  finessEj: zFiness("de l'entité juridique (EJ)"),
  siret: zSiret,
  categoryCode: z.string().min(1, { error: "Choisissez la catégorie de l'établissement." }),
  departmentCode: z.string().refine((code) => code in DEPARTMENTS, { error: "Choisissez le département." }),
  city: z.string().trim().min(1, { error: "Indiquez la commune." }).max(120),
  headcount: z.coerce
    .number({ error: "Indiquez un effectif." })
    .int({ error: "L'effectif est un nombre entier." })
    .min(0, { error: "L'effectif ne peut pas être négatif." })
    .max(100_000),
  ght: z.string().trim().max(200),
  usesAirSimplifie: z.boolean(),
  idpFederatedWithPsc: z.boolean(),
  contacts: z.array(ZContactInput).max(20),
});

export type TEstablishmentProfileInput = z.output<typeof ZEstablishmentProfileInput>;
export type TEstablishmentProfileFormValues = z.input<typeof ZEstablishmentProfileInput>;
