import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";

/** What delivery needs from nodemailer: one message out, or an error saying why not. */
export type MailTransport = { sendMail(message: Mail.Options): Promise<unknown> };

/**
 * An SMTP transport from SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`). Timeouts are
 * short enough that a send always ends well within the lease a worker holds on the e-mail
 * (retry-policy.ts), so no other worker picks it up while it is still being sent.
 */
export function createSmtpTransport(url: string): MailTransport {
  return nodemailer.createTransport({ url, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 40_000 });
}
