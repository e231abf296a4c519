import { z } from "zod";
import { compactIdentifier } from "@/lib/identifiers/compact";
import { isValidSiret } from "@/lib/identifiers/siret";

/** The declaration of interests, shared by the form and the route handler. */
export const ZDeclarationInput = z.discriminatedUnion("hasConflict", [
  z.object({ hasConflict: z.literal(false) }),
  z
    .object({
      hasConflict: z.literal(true),
      type: z.enum(["EMPLOYMENT", "PERSONAL_TIE", "FINANCIAL_INTEREST", "PARTNER_TIE", "OTHER"], {
        error: "Choisissez la nature du lien.",
      }),
      partnerSiret: z.string().transform(compactIdentifier).default(""),
      details: z.string().trim().max(2000, { error: "2 000 caractères au plus." }).default(""),
    })
    .superRefine((value, ctx) => {
      // A dossier's partner need not have a SIRET in it: the reviewer then names the partner.
      if (value.type === "PARTNER_TIE" && value.partnerSiret !== "" && !isValidSiret(value.partnerSiret)) {
        ctx.addIssue({ code: "custom", path: ["partnerSiret"], message: "Ce SIRET n'est pas valide : vérifiez ses 14 chiffres." });
      }
      if (value.type === "PARTNER_TIE" && value.partnerSiret === "" && value.details.length < 2) {
        ctx.addIssue({
          code: "custom",
          path: ["partnerSiret"],
          message: "Indiquez le SIRET du partenaire ou, s'il n'en a pas, son nom dans les précisions.",
        });
      }
      if (value.type === "OTHER" && value.details.length < 5) {
        ctx.addIssue({ code: "custom", path: ["details"], message: "Précisez la nature du lien." });
      }
    }),
]);
export type TDeclarationInput = z.infer<typeof ZDeclarationInput>;
