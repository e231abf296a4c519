import { authorizeOwnAssignment } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { loadAssignmentLocked } from "./load-assignment";
import { loadSheetCriteria } from "./load-sheet-criteria";
import { reviewConflict, STORED_REVIEW_SELECT, SUBMISSION_CONFLICT_MESSAGE } from "./review-conflict";
import { missingForReview } from "./score-sheet";
import { AWAITING_REGIONAL_TIER } from "./labels";
import { awaitsEarlierTier, completeScoringIfDone, loadTierAssignments } from "./tier-completion";

/**
 * Submits a review once complete (else INVALID_INPUT with the list of what is missing, each with
 * its anchor). The sheet is read-only afterwards. Idempotent: submitting again changes nothing.
 * The transmission names the version the reviewer saw, as a save does: one made on an older version
 * (another tab saved since) is refused with what is stored (CONFLICT), never transmitted.
 * When it completes the wave's last tier, the dossier becomes « évalué » in the same transaction,
 * which holds the dossier's lock: of two last reviews transmitted together, the second sees the first.
 */
export async function submitReview(
  viewer: Viewer,
  input: { assignmentId: string; expectedVersion: number; ip: string | null },
  now = new Date(),
) {
  const result = await db.$transaction(async (tx) => {
    // The dossier's state is read under its lock: a request for information committed first
    // refuses the transmission, one coming after waits for it.
    const { locked: dossier, assignment, facts } = await loadAssignmentLocked(tx, input.assignmentId);
    authorizeOwnAssignment(viewer, facts, assignment, "review");
    if (!assignment.review) throw new AppError("INVALID_STATE", "Déclarez d'abord vos liens d'intérêts.");
    const reviewId = assignment.review.id;
    const criteria = await loadSheetCriteria(tx, facts.waveVersionId);
    const review = await tx.review.findUniqueOrThrow({ where: { id: reviewId }, select: { ...STORED_REVIEW_SELECT, submittedAt: true } });
    if (review.status === "SUBMITTED") return { submittedAt: review.submittedAt!, alreadySubmitted: true, dossierScored: false };
    if (review.version !== input.expectedVersion) throw reviewConflict(criteria, review, SUBMISSION_CONFLICT_MESSAGE);
    const missing = missingForReview(criteria, review);
    if (missing.length > 0) throw new AppError("INVALID_INPUT", "L'évaluation n'est pas complète.", { details: { missing } });
    const { wave, assignments } = await loadTierAssignments(tx, facts.id);
    if (awaitsEarlierTier(wave.reviewTiers, wave.reviewersPerDossier, assignment.tier, assignments))
      throw new AppError("INVALID_STATE", AWAITING_REGIONAL_TIER);
    const claimed = await tx.review.updateMany({
      where: { id: reviewId, status: "DRAFT", version: input.expectedVersion },
      data: { status: "SUBMITTED", submittedAt: now, version: { increment: 1 } },
    });
    if (claimed.count !== 1) {
      // Transmitted or saved by another tab since the read above.
      const current = await tx.review.findUniqueOrThrow({ where: { id: reviewId }, select: STORED_REVIEW_SELECT });
      if (current.status === "SUBMITTED") return { submittedAt: now, alreadySubmitted: true, dossierScored: false };
      throw reviewConflict(criteria, current, SUBMISSION_CONFLICT_MESSAGE);
    }
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "review.submitted",
      target: { type: "Review", id: reviewId },
      ip: input.ip,
      details: { assignmentId: assignment.id, applicationId: facts.id, tier: assignment.tier },
    });
    const dossierScored = await completeScoringIfDone(tx, dossier, auditActor(viewer), now);
    return { submittedAt: now, alreadySubmitted: false, dossierScored };
  });
  requestDelivery();
  return result;
}
