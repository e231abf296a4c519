import { z } from "zod";
import { RankingMode } from "@/lib/db/generated/enums";

/** The wave's decision settings, as the form sends them (French decimals) and the server reads them. */
export const ZDecisionSettingsInput = z.object({
  spreadThreshold: z
    .string()
    .trim()
    .regex(/^\d{1,3}([.,]\d{1,2})?$/, { error: "Indiquez un nombre de points entre 0 et 100, par exemple « 15 » ou « 12,5 »." })
    .transform((text) => Number(text.replace(",", ".")))
    .refine((value) => value <= 100, { error: "Le seuil ne peut pas dépasser 100 points." }),
  rankingMode: z.enum(RankingMode, { error: "Choisissez la note qui classe les dossiers." }),
  regionalRankingWeight: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, { error: "Indiquez un pourcentage entier entre 0 et 100." })
    .transform(Number)
    .refine((value) => value <= 100, { error: "Indiquez un pourcentage entre 0 et 100." }),
  expectedVersion: z.number().int().min(1),
});
export type TDecisionSettingsInput = z.output<typeof ZDecisionSettingsInput>;
