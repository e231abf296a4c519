import type { Db } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { reviewNoLongerExpectedEmail } from "@/lib/notifications/review-no-longer-expected";

type Writer = Pick<Db, "reviewerAssignment" | "establishment" | "outboxEmail">;

/**
 * When a manager closes a dossier's review by hand, in the same transaction: each reviewer still
 * assigned who had not transmitted (a draft, or nothing declared yet) is told their review is no
 * longer expected, once. Those whose conflict ended the assignment have nothing pending.
 */
export async function tellPendingReviewers(tx: Writer, application: { id: string; establishmentId: string }): Promise<void> {
  const assignments = await tx.reviewerAssignment.findMany({
    where: { applicationId: application.id },
    select: {
      id: true,
      conflict: { select: { hasConflict: true } },
      review: { select: { status: true } },
      reviewer: { select: { email: true, disabledAt: true } },
    },
  });
  const pending = assignments.filter(
    (assignment) =>
      assignment.conflict?.hasConflict !== true && assignment.review?.status !== "SUBMITTED" && !assignment.reviewer.disabledAt,
  );
  if (pending.length === 0) return;
  const { name } = await tx.establishment.findUniqueOrThrow({ where: { id: application.establishmentId }, select: { name: true } });
  for (const assignment of pending) {
    const email = reviewNoLongerExpectedEmail({ establishment: name, assignmentId: assignment.id });
    await enqueueEmail(tx, { dedupeKey: `review-no-longer-expected:${assignment.id}`, to: assignment.reviewer.email, ...email });
  }
}
