import { db } from "@/lib/db/client";
import { requestDelivery } from "@/lib/jobs/worker";
import { deadlineReminderEmail } from "@/lib/notifications/deadline-reminder";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { latestPassedClosing } from "./deadline";
import { dueReminders, REMINDER_LEAD_DAYS, reminderDedupeKey } from "./deadline-reminders";
import { REACHABLE_MEMBERS } from "@/lib/notifications/recipients";

const DAY_MS = 86_400_000;

/**
 * The reminders job, run every few minutes by the background worker: e-mails each member of an
 * establishment whose dossier is still a draft, on the mornings 7 and 2 days before the deadline
 * that applies to it. Idempotent through the outbox's dedupe key, so running it again sends
 * nothing twice; the key names the deadline, so a deadline moved later is reminded of again.
 */
export async function sendDeadlineReminders(now = new Date()): Promise<{ enqueued: number }> {
  // The effective deadline is never before the wave's closing: later waves cannot be due yet (one
  // more day covers a reminder's morning, up to 15 hours before the deadline's time of day, and the
  // hour summer time adds or takes).
  const horizon = new Date(now.getTime() + (Math.max(...Object.values(REMINDER_LEAD_DAYS)) + 1) * DAY_MS);
  const passed = latestPassedClosing(now);
  const drafts = await db.application.findMany({
    where: {
      state: "DRAFT",
      wave: { closesAt: { lte: horizon }, OR: [{ closesAt: { gt: passed } }, { extensions: { some: { closesAt: { gt: passed } } } }] },
    },
    select: {
      id: true,
      createdAt: true,
      establishmentId: true,
      wave: {
        select: {
          title: true,
          closesAt: true,
          extensions: { where: { closesAt: { gt: passed } }, select: { establishmentId: true, closesAt: true } },
        },
      },
      establishment: { select: { name: true, memberships: REACHABLE_MEMBERS } },
    },
  });
  const byId = new Map(drafts.map((draft) => [draft.id, draft]));
  const due = dueReminders(
    drafts.map((draft) => ({
      applicationId: draft.id,
      startedAt: draft.createdAt,
      wave: draft.wave,
      extension: draft.wave.extensions.find((extension) => extension.establishmentId === draft.establishmentId) ?? null,
    })),
    now,
  );
  const emails = due.flatMap((reminder) => {
    const draft = byId.get(reminder.applicationId)!;
    const message = deadlineReminderEmail({
      establishment: draft.establishment.name,
      wave: draft.wave.title,
      deadline: reminder.deadline,
      extended: reminder.deadline > draft.wave.closesAt,
      applicationId: draft.id,
    });
    return draft.establishment.memberships.map((membership) => ({
      dedupeKey: reminderDedupeKey(reminder.kind, draft.id, reminder.deadline, membership.user.id),
      to: membership.user.email,
      ...message,
    }));
  });
  if (emails.length === 0) return { enqueued: 0 };
  const sent = await db.outboxEmail.findMany({
    where: { dedupeKey: { in: emails.map((email) => email.dedupeKey) } },
    select: { dedupeKey: true },
  });
  const already = new Set(sent.map((email) => email.dedupeKey));
  const fresh = emails.filter((email) => !already.has(email.dedupeKey));
  for (const email of fresh) await enqueueEmail(db, email);
  // Delivered now, as every e-mail a use case queues, rather than at the outbox's next scheduled run.
  if (fresh.length > 0) requestDelivery();
  return { enqueued: fresh.length };
}
