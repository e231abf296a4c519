import { db } from "@/lib/db/client";
import { requestDelivery } from "@/lib/jobs/worker";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { reviewDueSoonEmail } from "@/lib/notifications/review-due-soon";
import { reviewOverdueEmail } from "@/lib/notifications/review-overdue";
import { DUE_SOON_DAYS, dueReviewReminders, effectiveDueAt, type PendingReview } from "./due-dates";
import { REVIEW_RUNNING_STATES } from "./review-states";

const DAY_MS = 86_400_000;

/**
 * The review reminders job, run every minute by the background worker: for each live assignment
 * of a dossier whose due date runs (`REVIEW_RUNNING_STATES`: not while information is asked of the
 * establishment, as `reviewDeadline` says) and whose review is not submitted, the reminder 3 days before its due
 * date and one each working day once overdue. Idempotent through the outbox's dedupe key.
 */
export async function sendReviewReminders(now = new Date()): Promise<{ enqueued: number }> {
  const horizon = new Date(now.getTime() + (DUE_SOON_DAYS + 1) * DAY_MS);
  const dueBefore = { lte: horizon };
  const assignments = await db.reviewerAssignment.findMany({
    where: {
      application: { state: { in: [...REVIEW_RUNNING_STATES] } },
      NOT: [{ conflict: { is: { hasConflict: true } } }, { review: { is: { status: "SUBMITTED" } } }],
      reviewer: { disabledAt: null },
      OR: [
        { dueAt: dueBefore },
        { dueAt: null, tier: "REGIONAL", application: { wave: { regionalReviewDueAt: dueBefore } } },
        { dueAt: null, tier: "NATIONAL", application: { wave: { nationalReviewDueAt: dueBefore } } },
      ],
    },
    select: {
      id: true,
      tier: true,
      dueAt: true,
      assignedAt: true,
      reviewer: { select: { email: true } },
      application: {
        select: { establishment: { select: { name: true } }, wave: { select: { regionalReviewDueAt: true, nationalReviewDueAt: true } } },
      },
    },
  });
  const byId = new Map(assignments.map((assignment) => [assignment.id, assignment]));
  const pending: PendingReview[] = assignments.flatMap((assignment) => {
    const dueAt = effectiveDueAt(assignment, assignment.application.wave);
    return dueAt ? [{ assignmentId: assignment.id, assignedAt: assignment.assignedAt, dueAt }] : [];
  });
  const due = dueReviewReminders(pending, now);
  if (due.length === 0) return { enqueued: 0 };
  const sent = new Set(
    (
      await db.outboxEmail.findMany({
        where: { dedupeKey: { in: due.map((reminder) => reminder.dedupeKey) } },
        select: { dedupeKey: true },
      })
    ).map((row) => row.dedupeKey),
  );
  let enqueued = 0;
  for (const reminder of due) {
    if (sent.has(reminder.dedupeKey)) continue;
    const assignment = byId.get(reminder.assignmentId)!;
    const input = { establishment: assignment.application.establishment.name, assignmentId: assignment.id, dueAt: reminder.dueAt };
    const email = reminder.kind === "due-soon" ? reviewDueSoonEmail(input) : reviewOverdueEmail(input);
    await enqueueEmail(db, { dedupeKey: reminder.dedupeKey, to: assignment.reviewer.email, ...email });
    enqueued++;
  }
  // Delivered now, as every e-mail a use case queues, rather than at the outbox's next scheduled run.
  if (enqueued > 0) requestDelivery();
  return { enqueued };
}
