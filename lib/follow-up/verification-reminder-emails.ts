import { verifiersAt } from "@/lib/access/visibility";
import { db } from "@/lib/db/client";
import { verificationDueSoonEmail } from "@/lib/notifications/follow-up-reminders";
import type { OutgoingEmail } from "@/lib/notifications/outbox";
import { TIER_LABELS, tierHolding } from "./verification-machine";
import { VERIFICATION_REMINDER_DAYS, verificationReminderDaysLeft } from "./verification-rules";

const DAY_MS = 86_400_000;

/**
 * Part of the follow-up reminders job (send-follow-up-reminders.ts): the e-mails to the verifiers of the tier holding each declaration
 * (the ARS reviewers of its region, or the ANS: `verifiersAt`, the table the arrival e-mail uses)
 * VERIFICATION_REMINDER_DAYS before the tier's due date. The dedupe key names the verification, its
 * due date and the person: the job may run twice, and a declaration coming back with a new due date
 * is reminded again.
 */
export async function verificationReminderEmails(now: Date): Promise<OutgoingEmail[]> {
  const verifications = await db.resultVerification.findMany({
    where: {
      state: { in: ["WITH_ARS", "WITH_ANS"] },
      // A day more than the rule: the rule counts Paris days, the query only narrows.
      dueAt: { gt: now, lte: new Date(now.getTime() + (VERIFICATION_REMINDER_DAYS + 1) * DAY_MS) },
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
    const daysLeft = verificationReminderDaysLeft(verification.dueAt, now);
    const tier = tierHolding(verification.state);
    if (daysLeft === null || tier === null) continue;
    const { id, establishment } = verification.declaration.application;
    const message = verificationDueSoonEmail({
      establishment: establishment.name,
      applicationId: id,
      tier: TIER_LABELS[tier],
      dueAt: verification.dueAt,
      daysLeft,
    });
    const verifiers = await db.user.findMany({
      where: verifiersAt(tier, { id, regionCode: establishment.regionCode }),
      select: { id: true, email: true },
    });
    for (const verifier of verifiers)
      emails.push({
        dedupeKey: `verification-reminder:${verification.id}:${verification.dueAt.toISOString()}:${verifier.id}`,
        to: verifier.email,
        ...message,
      });
  }
  return emails;
}
