import { z } from "zod";
import { compactIdentifier } from "@/lib/identifiers/compact";
import { checkFiness, FINESS_DEPARTMENTS_TEXT, normalizeFiness } from "@/lib/identifiers/finess";
import { checkSiret, siretProblemMessage } from "@/lib/identifiers/siret";
import { parseIsoDay } from "@/lib/roster/dates";
import { implausibleDayProblem } from "@/lib/roster/past-days";
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
  .transform(compactIdentifier)
  .superRefine((siret, ctx) => {
    if (siret === "") return;
    const problem = checkSiret(siret);
    if (problem) ctx.addIssue({ code: "custom", message: siretProblemMessage(problem, siret) });
  });

/** Longest texts of the profile (characters); the form's fields stop there too. */
export const PROFILE_TEXT_MAX = { name: 200, city: 120, ght: 200, fullName: 200, role: 200 } as const;

const tooLong = (subject: string, max: number) => ({ error: `${subject} ne doit pas dépasser ${max} caractères.` });

export const ZContactInput = z.object({
  fullName: z
    .string()
    .trim()
    .min(1, { error: "Indiquez le nom du contact." })
    .max(PROFILE_TEXT_MAX.fullName, tooLong("Le nom du contact", PROFILE_TEXT_MAX.fullName)),
  role: z
    .string()
    .trim()
    .min(1, { error: "Indiquez sa fonction." })
    .max(PROFILE_TEXT_MAX.role, tooLong("La fonction", PROFILE_TEXT_MAX.role)),
  email: z.email({ error: "Saisissez une adresse électronique valide." }).trim().toLowerCase(),
  phone: z
    .string()
    .trim()
    .max(30, { error: "Saisissez un numéro de téléphone français, par exemple 05 49 12 34 56." })
    .refine((phone) => phone === "" || /^(\+33|0)[1-9]( ?\d{2}){4}$/.test(phone), {
      error: "Saisissez un numéro de téléphone français, par exemple 05 49 12 34 56.",
    }),
});

/**
 * What identifies and sizes an establishment: its profile's first fields, also asked when a
 * programme manager registers one (`registration-schema.ts`).
 */
export const ESTABLISHMENT_IDENTITY_FIELDS = {
  name: z
    .string()
    .trim()
    .min(1, { error: "Indiquez le nom de l'établissement." })
    .max(PROFILE_TEXT_MAX.name, tooLong("Le nom de l'établissement", PROFILE_TEXT_MAX.name)),
  finessEt: zFiness("de l'établissement (ET)"),
  finessEj: zFiness("de l'entité juridique (EJ)"),
  siret: zSiret,
  categoryCode: z.string().min(1, { error: "Choisissez la catégorie de l'établissement." }),
  departmentCode: z.string().refine((code) => code in DEPARTMENTS, { error: "Choisissez le département." }),
  city: z
    .string()
    .trim()
    .min(1, { error: "Indiquez la commune." })
    .max(PROFILE_TEXT_MAX.city, tooLong("La commune", PROFILE_TEXT_MAX.city)),
  // An emptied field is « not given », not 0; only digits are a number (not « 0x10 » nor « 1e3 »).
  headcount: z.preprocess(
    (value) => {
      if (typeof value !== "string") return value;
      const text = value.replace(/[\s\u00a0\u202f]/g, "");
      if (text === "") return undefined;
      return /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(",", ".")) : text;
    },
    z
      .number({
        error: (issue) => (issue.input === undefined ? "Indiquez un effectif." : "L'effectif s'écrit en chiffres, par exemple 120."),
      })
      .int({ error: "L'effectif est un nombre entier." })
      .min(0, { error: "L'effectif ne peut pas être négatif." })
      .max(100_000, { error: "L'effectif ne peut pas dépasser 100 000 professionnels." }),
  ),
};

/** A FINESS ET is numbered in its department (overseas, 97 then a digit that need not be the department's). */
export function refuseFinessOutsideDepartment(establishment: { finessEt: string; departmentCode: string }, ctx: z.RefinementCtx) {
  const prefix = establishment.finessEt.slice(0, 2);
  if (
    checkFiness(establishment.finessEt) !== null ||
    !(establishment.departmentCode in DEPARTMENTS) ||
    establishment.departmentCode.startsWith(prefix)
  )
    return;
  const where = prefix === "97" ? "d'outre-mer" : `du département ${prefix}${DEPARTMENTS[prefix] ? ` – ${DEPARTMENTS[prefix][0]}` : ""}`;
  ctx.addIssue({
    code: "custom",
    path: ["departmentCode"],
    message: `Le numéro FINESS de l'établissement (${establishment.finessEt}) est celui d'un établissement ${where} : choisissez ce département, ou corrigez le numéro.`,
  });
}

/**
 * The site's FINESS (ET) and its legal entity's (EJ) are two numbers of the directory, never the same
 * one: the EJ typed twice would register the legal entity as a site.
 */
export function refuseSameFinessEtAndEj(establishment: { finessEt: string; finessEj: string }, ctx: z.RefinementCtx) {
  if (establishment.finessEt !== establishment.finessEj) return;
  ctx.addIssue({
    code: "custom",
    path: ["finessEt"],
    message:
      "Le numéro FINESS de l'établissement (ET) est le même que celui de son entité juridique (EJ) : ce sont deux numéros différents. Saisissez celui du site, tel que le répertoire FINESS le donne.",
  });
}

/**
 * Objective 1's entitlement procedure (ADR 0040): in force or not, and if so since when (`AAAA-MM-JJ`,
 * not after today). The day is read only while the procedure is said to be in force: the form hides
 * its field otherwise.
 */
function refuseProcedureWithoutAdoptionDay(
  establishment: { entitlementProcedureInForce: boolean; entitlementProcedureAdoptedOn: string },
  ctx: z.RefinementCtx,
) {
  if (!establishment.entitlementProcedureInForce) return;
  const day = parseIsoDay(establishment.entitlementProcedureAdoptedOn);
  const problem =
    day === null
      ? "Indiquez la date d'adoption de la procédure de gestion des habilitations."
      : implausibleDayProblem("entitlementProcedureAdoptedOn", day);
  if (problem) ctx.addIssue({ code: "custom", path: ["entitlementProcedureAdoptedOn"], message: problem });
}

export const ZEstablishmentProfileInput = z
  .object({
    ...ESTABLISHMENT_IDENTITY_FIELDS,
    ght: z.string().trim().max(PROFILE_TEXT_MAX.ght, tooLong("Le nom du GHT", PROFILE_TEXT_MAX.ght)),
    usesAirSimplifie: z.boolean(),
    idpFederatedWithPsc: z.boolean(),
    entitlementProcedureInForce: z.boolean(),
    entitlementProcedureAdoptedOn: z.string().trim(),
    contacts: z.array(ZContactInput).max(20),
  })
  .superRefine(refuseFinessOutsideDepartment)
  .superRefine(refuseSameFinessEtAndEj)
  .superRefine(refuseProcedureWithoutAdoptionDay);

export type TEstablishmentProfileInput = z.output<typeof ZEstablishmentProfileInput>;
export type TEstablishmentProfileFormValues = z.input<typeof ZEstablishmentProfileInput>;
