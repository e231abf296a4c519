import { AppError } from "@/lib/errors/app-error";
import { sheetFormValues, type SheetCriterion, type StoredScore } from "./score-sheet";

/** The stored review, as a stale save or transmission is told about it. */
export const STORED_REVIEW_SELECT = {
  status: true,
  version: true,
  updatedAt: true,
  overallComment: true,
  scores: { select: { criterionId: true, value: true, notApplicable: true, comment: true } },
} as const;

/**
 * A save or a transmission made on an older version of the sheet (another tab, another device):
 * refused with what is stored, so that the browser merges or lets the reviewer choose.
 */
export function reviewConflict(
  criteria: readonly SheetCriterion[],
  current: { version: number; updatedAt: Date; overallComment: string; scores: readonly StoredScore[] },
  message: string,
) {
  return new AppError("CONFLICT", message, {
    details: {
      conflict: {
        version: current.version,
        updatedAt: current.updatedAt.toISOString(),
        updatedBy: null,
        values: sheetFormValues(criteria, current),
      },
    },
  });
}

export const SAVE_CONFLICT_MESSAGE =
  "Cette évaluation a été modifiée ailleurs (dans un autre onglet ou sur un autre appareil) pendant que vous la complétiez : comparez les deux versions.";
export const SUBMISSION_CONFLICT_MESSAGE =
  "Rien n'a été transmis : cette évaluation a été modifiée ailleurs (dans un autre onglet ou sur un autre appareil). Comparez les deux versions, puis transmettez celle que vous avez choisie.";
