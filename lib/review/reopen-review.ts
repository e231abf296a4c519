import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { writeTransition } from "@/lib/applications/write-transition";
import { recordAudit } from "@/lib/audit/record-audit";
import { withdrawStagedProposal } from "@/lib/decisions/withdraw-staged-proposal";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { reviewReopenedEmail } from "@/lib/notifications/review-reopened";
import { loadAssignment } from "./load-assignment";
import { lockForReopening } from "./lock-for-reopening";
import { reviewsCanBeReopened } from "./reopening";
import { tellPendingReviewers } from "./tell-pending-reviewers";

/**
 * A manager reopens a submitted review: it becomes an editable draft again, the reviewer is told
 * why by e-mail, and a dossier already « évalué » goes back to « en instruction » through the state
 * machine (its scoring is no longer complete), its unreleased decision proposal withdrawn with it;
 * the establishment is not e-mailed (UNANNOUNCED_ACTIONS). Audited with the reason.
 */
export async function reopenReview(viewer: Viewer, input: { assignmentId: string; reason: string; ip: string | null }, now = new Date()) {
  requirePermission(viewer, "reviewer:assign");
  const { assignment, facts } = await loadAssignment(db, input.assignmentId);
  if (!assignment.review || assignment.review.status !== "SUBMITTED")
    throw new AppError("INVALID_STATE", "Seule une évaluation transmise peut être rouverte.");
  const reviewId = assignment.review.id;
  await db.$transaction(async (tx) => {
    // The dossier as the locks leave it: its last review may have scored it since it was read above.
    const { facts: current } = await lockForReopening(tx, facts);
    if (!reviewsCanBeReopened(current.state, false))
      throw new AppError("INVALID_STATE", "Le dossier n'est plus en instruction : son évaluation ne peut plus être rouverte.");
    const reopened = await tx.review.updateMany({
      where: { id: reviewId, status: "SUBMITTED" },
      data: { status: "DRAFT", submittedAt: null, reopenedAt: now, version: { increment: 1 } },
    });
    if (reopened.count !== 1) throw new AppError("CONFLICT", "Cette évaluation vient d'être rouverte.");
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "review.reopened",
      target: { type: "Review", id: reviewId },
      ip: input.ip,
      details: { assignmentId: assignment.id, applicationId: facts.id, reason: input.reason },
    });
    if (current.state === "SCORED") {
      // The reason is written to the reviewer (and kept in the audit): the dossier's history, which
      // the establishment reads, records the move without it.
      await writeTransition(tx, {
        application: current,
        action: "reopenReview",
        actor: "PROGRAMME_MANAGER",
        by: auditActor(viewer),
        ip: input.ip,
        now,
      });
      await withdrawStagedProposal(tx, { applicationId: facts.id, viewer, ip: input.ip, now });
      // Back in review, the others' reviews left undone when it was closed are expected again.
      await tellPendingReviewers(tx, current, { kind: "reopened", at: now, except: assignment.id });
    }
    const [reviewer, dossier] = await Promise.all([
      tx.user.findUniqueOrThrow({ where: { id: assignment.reviewerId }, select: { email: true } }),
      tx.application.findUniqueOrThrow({ where: { id: facts.id }, select: { establishment: { select: { name: true } } } }),
    ]);
    const email = reviewReopenedEmail({ establishment: dossier.establishment.name, assignmentId: assignment.id, reason: input.reason });
    await enqueueEmail(tx, { dedupeKey: `review-reopened:${reviewId}:${now.toISOString()}`, to: reviewer.email, ...email });
  });
  requestDelivery();
}
