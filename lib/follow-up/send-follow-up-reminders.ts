import { calendarDateFromUtc, calendarDateToUtc } from "@/lib/applications/calendar-date";
import { db } from "@/lib/db/client";
import { requestDelivery } from "@/lib/jobs/worker";
import { declarationReminderEmail, milestoneReminderEmail } from "@/lib/notifications/follow-up-reminders";
import { enqueueNewEmails, type OutgoingEmail } from "@/lib/notifications/outbox";
import { REACHABLE_MEMBERS } from "@/lib/notifications/recipients";
import { parisToday } from "@/lib/time/paris";
import { dueFollowUpReminders, FOLLOW_UP_REMINDER_DAYS, followUpReminderKey } from "./follow-up-reminders";
import { TIER_LABELS, verificationPath } from "./verification-machine";
import { verificationReminderEmails } from "./verification-reminder-emails";

const DAY_MS = 86_400_000;

/**
 * The follow-up reminders job: e-mails the director of each selected dossier before a milestone
 * that is not done and before the day its targets are due while its results are not declared
 * (lib/follow-up/follow-up-reminders.ts), and the verifiers of a declaration before their tier's due
 * date and once past it (verification-reminder-emails.ts). Safe to run twice: each e-mail has its dedupe key in the
 * outbox, which is the record of what was sent.
 */
export async function sendFollowUpReminders(now = new Date()): Promise<{ enqueued: number }> {
  const today = parisToday(now);
  const start = calendarDateToUtc(today);
  const window = { gte: start, lte: new Date(start.getTime() + FOLLOW_UP_REMINDER_DAYS * DAY_MS) };
  const dossiers = await db.application.findMany({
    where: {
      state: "SELECTED",
      OR: [
        { milestones: { some: { doneOn: null, dueDate: window } } },
        { resultDeclarations: { none: {} }, wave: { objectiveTargets: { some: { dueDate: window } } } },
      ],
    },
    select: {
      id: true,
      milestones: { where: { doneOn: null, dueDate: window }, select: { id: true, label: true, dueDate: true } },
      wave: { select: { reviewTiers: true, objectiveTargets: { where: { dueDate: window }, select: { dueDate: true } } } },
      _count: { select: { resultDeclarations: true } },
      establishment: {
        select: {
          name: true,
          // The directors only: the declaration engages the establishment.
          memberships: { ...REACHABLE_MEMBERS, where: { ...REACHABLE_MEMBERS.where, role: "DIRECTOR" } },
        },
      },
    },
  });
  const byId = new Map(dossiers.map((dossier) => [dossier.id, dossier]));
  const labels = new Map(dossiers.flatMap((dossier) => dossier.milestones.map((milestone) => [milestone.id, milestone.label])));
  const reminders = dueFollowUpReminders(
    dossiers.flatMap((dossier) =>
      dossier.milestones.map((milestone) => ({
        milestoneId: milestone.id,
        applicationId: dossier.id,
        plannedOn: calendarDateFromUtc(milestone.dueDate),
        doneOn: null,
      })),
    ),
    dossiers.flatMap((dossier) =>
      [...new Set(dossier.wave.objectiveTargets.map((target) => calendarDateFromUtc(target.dueDate)))].map((dueOn) => ({
        applicationId: dossier.id,
        dueOn,
        declared: dossier._count.resultDeclarations > 0,
      })),
    ),
    today,
  );
  const emails: OutgoingEmail[] = reminders.flatMap((reminder) => {
    const dossier = byId.get(reminder.applicationId)!;
    const common = { establishment: dossier.establishment.name, day: reminder.day, daysLeft: reminder.daysLeft, applicationId: dossier.id };
    const message =
      reminder.kind === "milestone"
        ? milestoneReminderEmail({ ...common, milestone: labels.get(reminder.milestoneId) || "Jalon sans libellé" })
        : declarationReminderEmail({ ...common, verifiedBy: verificationPath(dossier.wave.reviewTiers).map((tier) => TIER_LABELS[tier]) });
    return dossier.establishment.memberships.map(({ user }) => ({
      dedupeKey: followUpReminderKey(reminder, user.id),
      to: user.email,
      ...message,
    }));
  });
  const enqueued = await enqueueNewEmails(db, [...emails, ...(await verificationReminderEmails(now))]);
  // Delivered now, as every e-mail a use case queues, rather than at the outbox's next scheduled run.
  if (enqueued > 0) requestDelivery();
  return { enqueued };
}
