import type { Db } from "@/lib/db/client";

export type OutgoingEmail = {
  /** Makes sending idempotent: a second enqueue with the same key is ignored. */
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  files?: Array<{ storageKey: string; fileName: string; contentType: string }>;
};

type Writer = Pick<Db, "outboxEmail">;

/**
 * Queues an e-mail in the outbox, in the caller's transaction: it exists if and only if the change
 * that triggered it was committed. Delivery happens afterwards (see delivery.ts).
 */
export async function enqueueEmail(client: Writer, email: OutgoingEmail): Promise<void> {
  await client.outboxEmail.upsert({
    where: { dedupeKey: email.dedupeKey },
    create: { dedupeKey: email.dedupeKey, to: email.to, subject: email.subject, text: email.text, files: email.files ?? [] },
    update: {},
  });
}

/**
 * Queues those of `emails` whose dedupe key the outbox does not hold yet, and says how many: what a
 * reminder job that may run twice reports as sent.
 */
export async function enqueueNewEmails(client: Writer, emails: readonly OutgoingEmail[]): Promise<number> {
  if (emails.length === 0) return 0;
  const queued = await client.outboxEmail.findMany({
    where: { dedupeKey: { in: emails.map((email) => email.dedupeKey) } },
    select: { dedupeKey: true },
  });
  const sent = new Set(queued.map((row) => row.dedupeKey));
  const fresh = emails.filter((email) => !sent.has(email.dedupeKey));
  for (const email of fresh) await enqueueEmail(client, email);
  return fresh.length;
}
