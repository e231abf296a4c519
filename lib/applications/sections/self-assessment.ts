import { z } from "zod";
import { AssessmentStatus } from "@/lib/db/generated/enums";
import { INVALID_VALUE, TEXT_LIMITS, zDraftText, zOptionalCalendarDate } from "./fields";

/**
 * Section « Auto-évaluation »: for each objective of the dossier's wave version, keyed by the
 * objective's id (`assessments.<objectiveId>.status` in the form), its status, target date and
 * explanation. The form holds one entry per objective; an entry with no status and nothing typed
 * is an objective not assessed yet and is dropped, whereas a date or an explanation without a
 * status is refused (the database stores no assessment without a status, and dropping it would
 * lose what the user typed). Whether the ids belong to the dossier's wave version is for the
 * caller to check against the database.
 */
const MAX_OBJECTIVES = 50;

const ZAssessmentEntry = z
  .object(
    {
      status: z
        .enum(AssessmentStatus, { error: "Choisissez le statut de l'objectif." })
        .nullable()
        .optional()
        .transform((status) => status ?? null),
      targetDate: zOptionalCalendarDate,
      explanation: zDraftText("L'explication", TEXT_LIMITS.explanation, { multiline: true }),
    },
    { error: INVALID_VALUE },
  )
  .superRefine((entry, ctx) => {
    if (entry.status === null && (entry.targetDate !== null || entry.explanation !== "")) {
      ctx.addIssue({
        code: "custom",
        path: ["status"],
        message: "Choisissez le statut de l'objectif pour enregistrer sa date cible ou son explication.",
      });
    }
  });

export const ZSelfAssessmentSectionInput = z.object(
  {
    assessments: z
      .record(z.uuid(), ZAssessmentEntry, {
        error: (issue) => (issue.code === "invalid_key" ? "Objectif inconnu." : INVALID_VALUE),
      })
      .refine((entries) => Object.keys(entries).length <= MAX_OBJECTIVES, { error: INVALID_VALUE })
      .transform((entries) => {
        const assessed: Record<string, TObjectiveAssessmentInput> = {};
        for (const [id, entry] of Object.entries(entries)) {
          if (entry.status !== null) assessed[id] = { ...entry, status: entry.status };
        }
        return assessed;
      }),
  },
  { error: INVALID_VALUE },
);

export type TObjectiveAssessmentInput = {
  status: AssessmentStatus;
  /** `YYYY-MM-DD` or null. */
  targetDate: string | null;
  explanation: string;
};
export type TSelfAssessmentSectionInput = z.output<typeof ZSelfAssessmentSectionInput>;
export type TSelfAssessmentSectionFormValues = z.input<typeof ZSelfAssessmentSectionInput>;
