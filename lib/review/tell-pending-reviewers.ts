import type { Db } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { reviewExpectedAgainEmail, reviewNoLongerExpectedEmail } from "@/lib/notifications/pending-review";

type Writer = Pick<Db, "reviewerAssignment" | "establishment" | "outboxEmail">;

const EMAILS = { closed: reviewNoLongerExpectedEmail, reopened: reviewExpectedAgainEmail } as const;

/**
 * When a manager closes a dossier's review by hand (`closed`), or puts it back in review
 * (`reopened`), in the same transaction: each reviewer still assigned who had not transmitted (a
 * draft, or nothing declared yet) is told their review is no longer expected, or expected again;
 * once per move (a dossier may be closed, reopened and closed again). Those whose conflict ended
 * the assignment have nothing pending; `except`, the one whose own review was reopened, is told so
 * by that e-mail.
 */
export async function tellPendingReviewers(
  tx: Writer,
  application: { id: string; establishmentId: string },
  move: { kind: keyof typeof EMAILS; at: Date; except?: string },
): Promise<void> {
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
      assignment.id !== move.except &&
      assignment.conflict?.hasConflict !== true &&
      assignment.review?.status !== "SUBMITTED" &&
      !assignment.reviewer.disabledAt,
  );
  if (pending.length === 0) return;
  const { name } = await tx.establishment.findUniqueOrThrow({ where: { id: application.establishmentId }, select: { name: true } });
  for (const assignment of pending) {
    const email = EMAILS[move.kind]({ establishment: name, assignmentId: assignment.id });
    await enqueueEmail(tx, {
      dedupeKey: `review-${move.kind}:${assignment.id}:${move.at.toISOString()}`,
      to: assignment.reviewer.email,
      ...email,
    });
  }
}
