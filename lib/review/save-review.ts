import { authorizeOwnAssignment } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError, fieldErrorsUnder } from "@/lib/errors/app-error";
import { loadAssignmentLocked } from "./load-assignment";
import { loadSheetCriteria } from "./load-sheet-criteria";
import { reviewConflict, SAVE_CONFLICT_MESSAGE, STORED_REVIEW_SELECT } from "./review-conflict";
import { parseSheet, type TReviewSheetInput } from "./score-sheet";

export const SUBMITTED_MESSAGE = "Cette évaluation a été transmise : elle n'est plus modifiable, sauf si un chargé de programme la rouvre.";

/**
 * Autosave of a score sheet, with the dossier sections' guarantee: the save names the version it
 * was made on, and one made on an older version (another tab, another device) is refused with what
 * is stored, so that the browser merges or lets the reviewer choose. Nothing is overwritten silently.
 */
export async function saveReview(
  viewer: Viewer,
  input: { assignmentId: string; expectedVersion: number; data: TReviewSheetInput },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    // Under the dossier's lock: a request for information committed first refuses the save, one
    // coming after waits for it.
    const { assignment, facts } = await loadAssignmentLocked(tx, input.assignmentId);
    authorizeOwnAssignment(viewer, facts, assignment, "review");
    if (!assignment.review) throw new AppError("INVALID_STATE", "Déclarez d'abord vos liens d'intérêts.");
    if (assignment.review.status === "SUBMITTED") throw new AppError("INVALID_STATE", SUBMITTED_MESSAGE);
    const criteria = await loadSheetCriteria(tx, facts.waveVersionId);
    const parsed = parseSheet(criteria, input.data);
    if (!parsed.ok)
      throw new AppError("INVALID_INPUT", "Certaines notes ne sont pas valides.", {
        fieldErrors: fieldErrorsUnder("data", parsed.fieldErrors),
      });
    const reviewId = assignment.review.id;
    const claimed = await tx.review.updateMany({
      where: { id: reviewId, version: input.expectedVersion, status: "DRAFT" },
      data: { version: { increment: 1 }, overallComment: parsed.overallComment, updatedAt: now },
    });
    if (claimed.count !== 1) {
      const current = await tx.review.findUniqueOrThrow({ where: { id: reviewId }, select: STORED_REVIEW_SELECT });
      if (current.status === "SUBMITTED") throw new AppError("INVALID_STATE", SUBMITTED_MESSAGE);
      throw reviewConflict(criteria, current, SAVE_CONFLICT_MESSAGE);
    }
    for (const score of parsed.scores) {
      const values = { value: score.value, notApplicable: score.notApplicable, comment: score.comment };
      await tx.score.upsert({
        where: { reviewId_criterionId: { reviewId, criterionId: score.criterionId } },
        create: { reviewId, criterionId: score.criterionId, ...values },
        update: values,
      });
    }
    return { version: input.expectedVersion + 1, savedAt: now.toISOString() };
  });
}
