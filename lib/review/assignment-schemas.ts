import { z } from "zod";
import { isParisLocalTime, parisDateTime } from "@/lib/time/paris";
import { checkParisLocalTime } from "@/lib/time/paris-schema";

/** The managers' assignment requests, shared by the forms and the route handlers. */
const tier = z.enum(["REGIONAL", "NATIONAL"], { error: "Choisissez le niveau d'instruction." });
const cap = z
  .number({ error: "Indiquez un nombre de dossiers." })
  .int({ error: "Un nombre entier de dossiers." })
  .min(0, { error: "0 au moins." })
  .max(10_000, { error: "10 000 au plus." });

export const ZAutomaticAssignmentInput = z.object({
  tier,
  /**
   * Most dossiers each reviewer may have in this wave and tier: 0 for everyone would only preview
   * « plafonds atteints » for every dossier, whereas 0 for one reviewer leaves them out.
   */
  defaultCap: cap.min(1, { error: "Au moins 1 dossier par instructeur : avec 0, aucun dossier ne serait attribué." }),
  /** …unless set per reviewer. */
  caps: z.record(z.uuid(), cap).default({}),
});
export type TAutomaticAssignmentInput = z.infer<typeof ZAutomaticAssignmentInput>;

/** Applying sends back the preview's fingerprint: a plan that changed meanwhile is not applied. */
export const ZApplyAssignmentInput = ZAutomaticAssignmentInput.extend({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/) });

export const ZManualAssignmentInput = z.object({
  tier,
  applicationId: z.uuid({ error: "Dossier inconnu." }),
  reviewerId: z.uuid({ error: "Choisissez un instructeur." }),
  /** Required when the pair is flagged: why the manager assigns it anyway. */
  overrideReason: z.string().trim().max(1000, { error: "1 000 caractères au plus." }).default(""),
});
export type TManualAssignmentInput = z.infer<typeof ZManualAssignmentInput>;

const localDateTime = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})?$/, { error: "Indiquez une date et une heure." })
  .superRefine(checkParisLocalTime);

/** Also `setAssignmentDueDate`'s, which checks it again against its own clock. */
export const PAST_DUE_DATE = "Choisissez une échéance à venir : celle-ci est déjà passée.";

export const ZAssignmentDueDateInput = z.object({
  /**
   * Paris wall-clock time; empty: back to the tier's date on the wave. A past one is refused here
   * too, so that the form hears of it together with a missing reason, not one answer after the other.
   */
  dueAt: localDateTime.refine((value) => !value || !isParisLocalTime(value) || parisDateTime(value) > new Date(), {
    error: PAST_DUE_DATE,
  }),
  reason: z.string().trim().min(3, { error: "Indiquez le motif du changement." }).max(500, { error: "500 caractères au plus." }),
});

export const ZRemoveAssignmentInput = z.object({
  reason: z.string().trim().min(3, { error: "Indiquez le motif du retrait." }).max(500, { error: "500 caractères au plus." }),
});

export const ZReopenReviewInput = z.object({
  reason: z
    .string()
    .trim()
    .min(5, { error: "Expliquez à l'instructeur pourquoi son évaluation est rouverte." })
    .max(2000, { error: "2 000 caractères au plus." }),
});

export const ZReviewSettingsInput = z
  .object({
    reviewTiers: z.enum(["NATIONAL_ONLY", "REGIONAL_THEN_NATIONAL"], { error: "Choisissez les niveaux d'instruction." }),
    regionalReviewDueAt: localDateTime,
    nationalReviewDueAt: localDateTime,
    reviewersPerDossier: z
      .number({ error: "Indiquez un nombre d'instructeurs." })
      .int()
      .min(1, { error: "Entre 1 et 10 instructeurs par dossier." })
      .max(10, { error: "Entre 1 et 10 instructeurs par dossier." }),
    reviewersAnonymous: z.boolean(),
    expectedVersion: z.number().int().min(1),
  })
  .superRefine((value, ctx) => {
    if (value.reviewTiers === "NATIONAL_ONLY" && value.regionalReviewDueAt) {
      ctx.addIssue({ code: "custom", path: ["regionalReviewDueAt"], message: "Sans niveau régional, laissez cette date vide." });
    }
    if (
      value.reviewTiers === "REGIONAL_THEN_NATIONAL" &&
      value.regionalReviewDueAt &&
      value.nationalReviewDueAt &&
      value.regionalReviewDueAt >= value.nationalReviewDueAt
    ) {
      ctx.addIssue({ code: "custom", path: ["nationalReviewDueAt"], message: "L'échéance nationale doit suivre l'échéance régionale." });
    }
  });
export type TReviewSettingsInput = z.infer<typeof ZReviewSettingsInput>;
