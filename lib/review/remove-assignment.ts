import { requirePermission } from "@/lib/access/policy";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import type { ApplicationState } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { assignmentRemovedEmail } from "@/lib/notifications/assignment-removed";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { loadAssignmentLocked } from "./load-assignment";
import { completeScoringIfDone } from "./tier-completion";

/** In review, or paused while the establishment answers a request for information: a reviewer can still be taken off. */
export function assignmentsCanBeRemoved(state: ApplicationState): boolean {
  return state === "UNDER_REVIEW" || state === "INFORMATION_REQUESTED";
}

/**
 * A manager takes a dossier off a reviewer's list before they submit (a reviewer who left, or who
 * will not answer): the assignment and its draft go, the reviewer is told why by e-mail, and the
 * dossier becomes « évalué » if the reviews left complete every tier. A submitted review stays: it
 * is reopened, never removed. Audited with the reason.
 */
export async function removeAssignment(
  viewer: Viewer,
  input: { assignmentId: string; reason: string; ip: string | null },
  now = new Date(),
) {
  requirePermission(viewer, "reviewer:assign");
  await db.$transaction(async (tx) => {
    // Checked under the dossier's lock: a transmission or a move of the dossier committed first is seen.
    const { locked, assignment, facts } = await loadAssignmentLocked(tx, input.assignmentId);
    if (assignment.review?.status === "SUBMITTED") {
      throw new AppError("INVALID_STATE", "Cette évaluation est transmise : rouvrez-la plutôt que de retirer l'attribution.");
    }
    if (!assignmentsCanBeRemoved(facts.state)) {
      throw new AppError("INVALID_STATE", `Le dossier est « ${STATE_LABELS[facts.state]} » : ses attributions ne changent plus.`);
    }
    await tx.reviewerAssignment.delete({ where: { id: assignment.id } });
    const [reviewer, dossier] = await Promise.all([
      tx.user.findUniqueOrThrow({ where: { id: assignment.reviewerId }, select: { email: true, displayName: true } }),
      tx.application.findUniqueOrThrow({ where: { id: facts.id }, select: { establishment: { select: { name: true } } } }),
    ]);
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "review.assignment_removed",
      target: { type: "Application", id: facts.id },
      ip: input.ip,
      details: {
        assignmentId: assignment.id,
        reviewer: reviewer.displayName,
        reviewerId: assignment.reviewerId,
        tier: assignment.tier,
        reason: input.reason,
      },
    });
    const email = assignmentRemovedEmail({ establishment: dossier.establishment.name, reason: input.reason });
    await enqueueEmail(tx, { dedupeKey: `assignment-removed:${assignment.id}`, to: reviewer.email, ...email });
    await completeScoringIfDone(tx, locked, auditActor(viewer), now);
  });
  requestDelivery();
}
