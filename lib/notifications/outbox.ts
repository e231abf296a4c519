import type { Db } from "@/lib/db/client";
import { frenchSpacing } from "@/lib/format/french-spacing";

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
 * The outbox row of an e-mail, as it is stored, shown in the app and sent: subject and text with
 * French spacing (a no-break space before « : ; ? ! » and inside « », as in the PDFs), so that a
 * mail client's wrapping never leaves a sign alone at the start of a line. Every write to the
 * outbox goes through it, `createMany` included.
 */
export function outboxRow(email: OutgoingEmail) {
  return {
    dedupeKey: email.dedupeKey,
    to: email.to,
    subject: frenchSpacing(email.subject),
    text: frenchSpacing(email.text),
    files: email.files ?? [],
  };
}

/**
 * Queues an e-mail in the outbox, in the caller's transaction: it exists if and only if the change
 * that triggered it was committed. Delivery happens afterwards (see delivery.ts).
 */
export async function enqueueEmail(client: Writer, email: OutgoingEmail): Promise<void> {
  await client.outboxEmail.upsert({
    where: { dedupeKey: email.dedupeKey },
    create: outboxRow(email),
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
