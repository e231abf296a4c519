import { authorizeOwnAssignment } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError, fieldErrorsUnder } from "@/lib/errors/app-error";
import { loadAssignment } from "./load-assignment";
import { loadSheetCriteria } from "./load-sheet-criteria";
import { parseSheet, sheetFormValues, type TReviewSheetInput } from "./score-sheet";

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
  const { assignment, facts } = await loadAssignment(db, input.assignmentId);
  authorizeOwnAssignment(viewer, facts, assignment, "review");
  if (!assignment.review) throw new AppError("INVALID_STATE", "Déclarez d'abord vos liens d'intérêts.");
  if (assignment.review.status === "SUBMITTED") throw new AppError("INVALID_STATE", SUBMITTED_MESSAGE);
  const criteria = await loadSheetCriteria(db, facts.waveVersionId);
  const parsed = parseSheet(criteria, input.data);
  if (!parsed.ok)
    throw new AppError("INVALID_INPUT", "Certaines notes ne sont pas valides.", {
      fieldErrors: fieldErrorsUnder("data", parsed.fieldErrors),
    });
  const reviewId = assignment.review.id;

  return db.$transaction(async (tx) => {
    const claimed = await tx.review.updateMany({
      where: { id: reviewId, version: input.expectedVersion, status: "DRAFT" },
      data: { version: { increment: 1 }, overallComment: parsed.overallComment, updatedAt: now },
    });
    if (claimed.count !== 1) {
      const current = await tx.review.findUniqueOrThrow({
        where: { id: reviewId },
        select: {
          status: true,
          version: true,
          updatedAt: true,
          overallComment: true,
          scores: { select: { criterionId: true, value: true, notApplicable: true, comment: true } },
        },
      });
      if (current.status === "SUBMITTED") throw new AppError("INVALID_STATE", SUBMITTED_MESSAGE);
      throw new AppError(
        "CONFLICT",
        "Cette évaluation a été modifiée ailleurs (dans un autre onglet ou sur un autre appareil) pendant que vous la complétiez : comparez les deux versions.",
        {
          details: {
            conflict: {
              version: current.version,
              updatedAt: current.updatedAt.toISOString(),
              updatedBy: null,
              values: sheetFormValues(criteria, current),
            },
          },
        },
      );
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
