import { db } from "@/lib/db/client";
import { fileStorage, type FileStorage } from "@/lib/storage";
import { nextAttemptAfterFailure, SENDING_LEASE_MS } from "./retry-policy";
import type { MailTransport } from "./smtp-transport";

type FileReference = { storageKey: string; fileName: string; contentType: string };

export type DeliveryOptions = {
  transport: MailTransport;
  from: string;
  storage?: FileStorage;
  now?: Date;
  /** E-mails sent per run: a long queue drains over a few runs without holding the worker. */
  limit?: number;
};

async function attachmentsOf(files: unknown, storage: FileStorage) {
  const references = Array.isArray(files) ? (files as FileReference[]) : [];
  return Promise.all(
    references.map(async (file) => {
      const content = await storage.get(file.storageKey);
      if (!content) throw new Error(`attachment ${file.fileName} is missing from storage`);
      return { filename: file.fileName, contentType: file.contentType, content };
    }),
  );
}

/**
 * The e-mail's own Message-ID, the same at every attempt: one that reached the mail server just
 * before its outcome could be recorded (the database went away, the worker was killed) is sent
 * again, at least once rather than at most once (ADR 0004), and the copies are then one message
 * to every system that reads the header. On the domain of the sender's address (RFC 5322 §3.6.4).
 */
function messageIdOf(emailId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "hospiconnect.invalid";
  return `<${emailId}@${domain}>`;
}

/**
 * Sends the outbox e-mails whose time has come (new ones, and failed ones once their back-off has
 * passed) and records each outcome: SENT with its time, or FAILED with the attempt count, the
 * last error and when to try again. An e-mail is claimed first (its next attempt pushed past the
 * lease, by compare-and-swap), so two workers never send it both.
 */
export async function deliverDueEmails(options: DeliveryOptions): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? new Date();
  const storage = options.storage ?? fileStorage();
  const due = await db.outboxEmail.findMany({
    where: { status: { in: ["PENDING", "FAILED"] }, nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? 20,
    select: { id: true, to: true, subject: true, text: true, html: true, files: true, attempts: true, nextAttemptAt: true },
  });
  const outcome = { sent: 0, failed: 0 };
  for (const email of due) {
    // A held e-mail is pending, a failed one too while it is tried again: a use case withdrawing
    // it tells one a worker may be sending (pending, its next attempt ahead) from one waiting
    // (withdraw-emails.ts), and one it cancelled meanwhile (no next attempt) is never claimed.
    const claimed = await db.outboxEmail.updateMany({
      where: { id: email.id, status: { in: ["PENDING", "FAILED"] }, nextAttemptAt: email.nextAttemptAt },
      data: { status: "PENDING", nextAttemptAt: new Date(now.getTime() + SENDING_LEASE_MS) },
    });
    if (claimed.count !== 1) continue;
    const attempts = email.attempts + 1;
    try {
      await options.transport.sendMail({
        messageId: messageIdOf(email.id, options.from),
        from: options.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html ?? undefined,
        attachments: await attachmentsOf(email.files, storage),
      });
      await db.outboxEmail.update({
        where: { id: email.id },
        data: { status: "SENT", sentAt: new Date(), attempts, lastError: null, nextAttemptAt: null },
      });
      outcome.sent += 1;
    } catch (error) {
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      await db.outboxEmail.update({
        where: { id: email.id },
        data: { status: "FAILED", attempts, lastError, nextAttemptAt: nextAttemptAfterFailure(attempts, now) },
      });
      console.warn(`[mail] delivery of ${email.id} failed (attempt ${attempts}): ${lastError}`);
      outcome.failed += 1;
    }
  }
  return outcome;
}
