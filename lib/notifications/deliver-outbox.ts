import { env } from "@/lib/config/env";
import { deliverDueEmails } from "./delivery";
import { createSmtpTransport, type MailTransport } from "./smtp-transport";

const holder = globalThis as unknown as { hospiconnectSmtp?: MailTransport };

/**
 * The outbox delivery job: sends the due e-mails through SMTP_URL, batch after batch until none
 * is left. Without SMTP_URL, e-mails stay in the outbox, readable in the app.
 */
export async function deliverOutbox(): Promise<{ sent: number; failed: number }> {
  const total = { sent: 0, failed: 0 };
  if (!env.SMTP_URL) return total;
  const transport = (holder.hospiconnectSmtp ??= createSmtpTransport(env.SMTP_URL));
  for (;;) {
    const batch = await deliverDueEmails({ transport, from: env.MAIL_FROM, limit: 50 });
    total.sent += batch.sent;
    total.failed += batch.failed;
    if (batch.sent + batch.failed < 50) return total;
  }
}
