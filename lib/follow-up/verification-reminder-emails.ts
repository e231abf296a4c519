import { verifiersAt } from "@/lib/access/visibility";
import { db } from "@/lib/db/client";
import { verificationDueSoonEmail, verificationOverdueEmail } from "@/lib/notifications/follow-up-reminders";
import type { OutgoingEmail } from "@/lib/notifications/outbox";
import { TIER_LABELS, tierHolding } from "./verification-machine";
import {
  VERIFICATION_OVERDUE_REMINDER_DAYS,
  VERIFICATION_REMINDER_DAYS,
  verificationReminder,
  verificationReminderKey,
} from "./verification-rules";

const DAY_MS = 86_400_000;

/**
 * Part of the follow-up reminders job (send-follow-up-reminders.ts): the e-mails to the verifiers of the tier holding each declaration
 * (the ARS reviewers of its region, or the ANS: `verifiersAt`, the table the arrival e-mail uses)
 * before the tier's due date, then once when it has passed (`verificationReminder`). The dedupe key
 * names the reminder's kind, the verification, its due date and the person: the job may run twice,
 * and a declaration coming back with a new due date is reminded again.
 */
export async function verificationReminderEmails(now: Date): Promise<OutgoingEmail[]> {
  const verifications = await db.resultVerification.findMany({
    where: {
      state: { in: ["WITH_ARS", "WITH_ANS"] },
      // A day more on each side than the rule: the rule counts Paris days, the query only narrows.
      dueAt: {
        gt: new Date(now.getTime() - (VERIFICATION_OVERDUE_REMINDER_DAYS + 1) * DAY_MS),
        lte: new Date(now.getTime() + (VERIFICATION_REMINDER_DAYS + 1) * DAY_MS),
      },
    },
    select: {
      id: true,
      state: true,
      dueAt: true,
      declaration: { select: { application: { select: { id: true, establishment: { select: { name: true, regionCode: true } } } } } },
    },
  });
  const emails: OutgoingEmail[] = [];
  for (const verification of verifications) {
    const reminder = verificationReminder(verification.dueAt, now);
    const tier = tierHolding(verification.state);
    if (reminder === null || tier === null) continue;
    const { id, establishment } = verification.declaration.application;
    const about = { establishment: establishment.name, applicationId: id, tier: TIER_LABELS[tier], dueAt: verification.dueAt };
    const message =
      reminder.kind === "due-soon" ? verificationDueSoonEmail({ ...about, daysLeft: reminder.daysLeft }) : verificationOverdueEmail(about);
    const verifiers = await db.user.findMany({
      where: verifiersAt(tier, { id, regionCode: establishment.regionCode }),
      select: { id: true, email: true },
    });
    for (const verifier of verifiers)
      emails.push({
        dedupeKey: verificationReminderKey(reminder.kind, verification.id, verification.dueAt, verifier.id),
        to: verifier.email,
        ...message,
      });
  }
  return emails;
}
