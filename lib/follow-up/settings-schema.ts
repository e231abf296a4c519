import { z } from "zod";
import { TargetIndicator } from "@/lib/db/generated/enums";

const percent = (message: string, min = 0) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, { error: message })
    .transform(Number)
    .refine((value) => value >= min && value <= 100, { error: message });

export const ZObjectiveTargetInput = z.object({
  objectiveCode: z.string().trim().min(1, { error: "Choisissez l'objectif." }),
  indicator: z.enum(TargetIndicator, { error: "Choisissez l'indicateur qui mesure l'objectif." }),
  // A threshold of 0 % is met by any roster: it would check nothing.
  thresholdPercent: percent("Indiquez un seuil en pourcentage entier entre 1 et 100.", 1),
  dueDate: z.iso.date({ error: "Indiquez la date à laquelle le seuil doit être atteint." }),
});

/**
 * The wave's follow-up settings, as the form sends them and the server reads them: the share of the
 * grant paid in advance at selection, and the targets of its objectives (one per objective and
 * indicator).
 */
export const ZFollowUpSettingsInput = z
  .object({
    advanceSharePercent: percent("Indiquez la part de l'avance en pourcentage entier entre 0 et 100."),
    targets: z.array(ZObjectiveTargetInput).max(60, { error: "60 cibles au plus." }),
    expectedVersion: z.number().int().min(1),
  })
  .superRefine((input, context) => {
    const seen = new Set<string>();
    input.targets.forEach((target, index) => {
      const key = `${target.objectiveCode}|${target.indicator}`;
      if (seen.has(key))
        context.addIssue({
          code: "custom",
          path: ["targets", index, "indicator"],
          message: "Cet objectif a déjà une cible sur cet indicateur.",
        });
      seen.add(key);
    });
  });
export type TFollowUpSettingsInput = z.output<typeof ZFollowUpSettingsInput>;
