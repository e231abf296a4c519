import { verifiersAt } from "@/lib/access/visibility";
import type { Prisma } from "@/lib/db/generated/client";
import type { ReviewTier } from "@/lib/db/generated/enums";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { REACHABLE_MEMBERS } from "@/lib/notifications/recipients";

type Email = { subject: string; text: string };

/**
 * Queues a verification e-mail in the caller's transaction, once per person: `key` names the step
 * (its id), so a retried step never mails twice. The caller asks for delivery after its commit.
 */
export async function emailVerifiers(
  tx: Prisma.TransactionClient,
  dossier: { id: string; regionCode: string },
  tier: ReviewTier,
  email: Email,
  key: string,
) {
  const verifiers = await tx.user.findMany({ where: verifiersAt(tier, dossier), select: { email: true } });
  for (const { email: to } of verifiers) await enqueueEmail(tx, { dedupeKey: `${key}:${to}`, to, ...email });
}

/** To each active member of the establishment. */
export async function emailEstablishment(tx: Prisma.TransactionClient, establishmentId: string, email: Email, key: string) {
  const members = await tx.membership.findMany({ ...REACHABLE_MEMBERS, where: { ...REACHABLE_MEMBERS.where, establishmentId } });
  for (const { user } of members) await enqueueEmail(tx, { dedupeKey: `${key}:${user.email}`, to: user.email, ...email });
}
