import type { Prisma } from "@/lib/db/generated/client";
import type { EmailStatus } from "@/lib/db/generated/enums";

/**
 * Whether an outbox e-mail may already be with its recipient: sent, or held by a worker right now
 * (a claim pushes a pending e-mail's next attempt past the lease, delivery.ts), which may send it
 * whatever we write next. One still waiting, or whose attempts failed, has not left and can be
 * withdrawn. A worker that died holding it gives it back when the lease ends.
 */
export function mayHaveLeft(email: { status: EmailStatus; nextAttemptAt: Date | null }, now: Date): boolean {
  if (email.status === "SENT") return true;
  if (email.status === "PENDING") return email.nextAttemptAt !== null && email.nextAttemptAt > now;
  return false;
}

/**
 * Withdraws, in the caller's transaction, the e-mails queued under `key` (`<key>:<address>`, as
 * the use cases queue one per recipient) and says who may have received theirs. Those still waiting
 * are cancelled, by a compare-and-swap against a worker's claim: one claimed meanwhile counts as
 * gone. Every one of them gets a key of its own (`withdrawn:<its id>`), so that the same news
 * recorded again later is queued again instead of taken for one already sent.
 */
export async function withdrawQueuedEmails(
  tx: Prisma.TransactionClient,
  key: string,
  now: Date,
): Promise<{ withdrawn: string[]; gone: Array<{ id: string; to: string }> }> {
  const prefix = `${key}:`;
  const rows = await tx.outboxEmail.findMany({
    where: { dedupeKey: { startsWith: prefix } },
    select: { id: true, dedupeKey: true, to: true, status: true, nextAttemptAt: true },
  });
  const withdrawn: string[] = [];
  const gone: Array<{ id: string; to: string }> = [];
  // A longer key sharing the prefix (a reference that goes on after a colon) is another e-mail.
  for (const row of rows.filter((row) => row.dedupeKey === prefix + row.to)) {
    const dedupeKey = `withdrawn:${row.id}`;
    if (!mayHaveLeft(row, now)) {
      const cancelled = await tx.outboxEmail.updateMany({
        where: { id: row.id, status: { in: ["PENDING", "FAILED"] }, nextAttemptAt: row.nextAttemptAt },
        data: { status: "CANCELLED", nextAttemptAt: null, dedupeKey },
      });
      if (cancelled.count === 1) {
        withdrawn.push(row.to);
        continue;
      }
    }
    await tx.outboxEmail.update({ where: { id: row.id }, data: { dedupeKey } });
    gone.push({ id: row.id, to: row.to });
  }
  return { withdrawn, gone };
}
