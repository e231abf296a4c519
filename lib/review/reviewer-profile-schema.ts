import { z } from "zod";
import { REGIONS } from "@/lib/establishments/territories";
import { checkFiness, normalizeFiness } from "@/lib/identifiers/finess";
import { isValidSiret } from "@/lib/identifiers/siret";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Indiquez une date." });

const ZAffiliationInput = z
  .object({
    kind: z.enum(["FINESS", "SIRET", "ARS"], { error: "Choisissez le type de lien." }),
    reference: z.string().transform((value) => normalizeFiness(value)),
    label: z.string().trim().max(200, { error: "200 caractères au plus." }).default(""),
    startsOn: isoDay,
    endsOn: z.union([z.literal(""), isoDay]).default(""),
  })
  .superRefine((value, ctx) => {
    const problem =
      value.kind === "FINESS"
        ? checkFiness(value.reference)
          ? "Indiquez un FINESS valide (9 caractères, clé de contrôle comprise)."
          : null
        : value.kind === "SIRET"
          ? isValidSiret(value.reference)
            ? null
            : "Indiquez un SIRET valide (14 chiffres)."
          : value.reference in REGIONS
            ? null
            : "Choisissez la région de l'ARS.";
    if (problem) ctx.addIssue({ code: "custom", path: ["reference"], message: problem });
    if (value.endsOn && value.endsOn < value.startsOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "La fin doit suivre le début." });
  });

/**
 * A reviewer's profile as programme managers keep it: ANS or ARS reviewer, the regions of an ARS
 * reviewer, and the affiliations from which conflicts of interests are detected.
 */
export const ZReviewerProfileInput = z
  .object({
    staffRole: z.enum(["REVIEWER", "REGIONAL_REVIEWER"], { error: "Choisissez le rôle." }),
    regionCodes: z.array(z.string().refine((code) => code in REGIONS, { error: "Région inconnue." })).default([]),
    affiliations: z.array(ZAffiliationInput).max(50, { error: "50 liens au plus." }).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.staffRole === "REGIONAL_REVIEWER" && value.regionCodes.length === 0) {
      ctx.addIssue({ code: "custom", path: ["regionCodes"], message: "Cochez au moins une région pour un instructeur d'ARS." });
    }
  });
export type TReviewerProfileInput = z.infer<typeof ZReviewerProfileInput>;
