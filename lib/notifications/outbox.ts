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
