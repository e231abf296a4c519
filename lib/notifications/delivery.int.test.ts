import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateStorageKey } from "@/lib/storage";
import { LocalFileStorage } from "@/lib/storage/local-file-storage";
import { resetDatabase, testDb } from "@/test/integration/database";
import { deliverDueEmails } from "./delivery";
import { enqueueEmail } from "./outbox";
import { MAX_ATTEMPTS } from "./retry-policy";
import { createSmtpTransport } from "./smtp-transport";
import { TestSmtpServer } from "./testing/smtp-server";

/**
 * Delivery of the outbox through a real SMTP server started here (the `smtp-server` package):
 * nodemailer speaks real SMTP to it, nothing is mocked.
 */
const FROM = "HospiConnect <ne-pas-repondre@hospiconnect.test>";
const seconds = (base: Date, count: number) => new Date(base.getTime() + count * 1000);

describe("e-mail delivery through SMTP", () => {
  let smtp: TestSmtpServer;
  let url: string;
  let storageDir: string;
  let storage: LocalFileStorage;

  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(tmpdir(), "hc-mail-"));
    storage = new LocalFileStorage(storageDir);
  });
  afterAll(() => rm(storageDir, { recursive: true, force: true }));

  beforeEach(async () => {
    await resetDatabase();
    smtp = new TestSmtpServer();
    url = await smtp.start();
  });
  afterEach(() => smtp.stop());

  const deliver = (now: Date) => deliverDueEmails({ transport: createSmtpTransport(url), from: FROM, storage, now });
  const rowOf = (dedupeKey: string) =>
    testDb.outboxEmail.findUniqueOrThrow({
      where: { dedupeKey },
      select: { status: true, attempts: true, lastError: true, sentAt: true, nextAttemptAt: true },
    });

  it("sends pending e-mails with their attachments, marks them sent, and sends nothing twice", async () => {
    const receiptKey = generateStorageKey("receipts");
    await storage.put(receiptKey, Buffer.from("%PDF-1.7 accuse de reception"), "application/pdf");
    await enqueueEmail(testDb, {
      dedupeKey: "receipt:s1:directrice@test.fr",
      to: "directrice@test.fr",
      subject: "Accuse de reception du dossier",
      text: "Votre dossier a bien ete depose.",
      files: [{ storageKey: receiptKey, fileName: "accuse-de-reception.pdf", contentType: "application/pdf" }],
    });
    await enqueueEmail(testDb, { dedupeKey: "invitation:i1", to: "instructeur@test.fr", subject: "Votre invitation", text: "Bienvenue." });
    const now = new Date();

    expect(await deliver(now)).toEqual({ sent: 2, failed: 0 });
    expect(smtp.received.map((message) => message.to)).toEqual([["directrice@test.fr"], ["instructeur@test.fr"]]);
    const [receipt] = smtp.received;
    expect(receipt?.raw).toContain("Subject: Accuse de reception du dossier");
    expect(receipt?.raw).toContain("From: HospiConnect <ne-pas-repondre@hospiconnect.test>");
    expect(receipt?.raw).toContain("Content-Disposition: attachment; filename=accuse-de-reception.pdf");
    expect(receipt?.raw).toContain(Buffer.from("%PDF-1.7 accuse de reception").toString("base64"));
    expect(await rowOf("receipt:s1:directrice@test.fr")).toMatchObject({
      status: "SENT",
      attempts: 1,
      lastError: null,
      nextAttemptAt: null,
      sentAt: expect.any(Date),
    });

    expect(await deliver(seconds(now, 3600))).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it("stores what it sends: the subject and text with French spacing, as the app shows them", async () => {
    await enqueueEmail(testDb, {
      dedupeKey: "message:m1:directrice@test.fr",
      to: "directrice@test.fr",
      subject: "Nouveau message sur le dossier HospiConnect de « EHPAD Les Tilleuls »",
      text: "Référence du dossier : HC-00042 ; une question ?",
    });
    expect(
      await testDb.outboxEmail.findUniqueOrThrow({
        where: { dedupeKey: "message:m1:directrice@test.fr" },
        select: { subject: true, text: true },
      }),
    ).toEqual({
      subject: "Nouveau message sur le dossier HospiConnect de «\u00a0EHPAD Les Tilleuls\u00a0»",
      text: "Référence du dossier\u00a0: HC-00042\u00a0; une question\u00a0?",
    });
    expect(await deliver(new Date())).toEqual({ sent: 1, failed: 0 });
    // The encoded subject (RFC 2047) carries the no-break spaces as they are stored (UTF-8 C2 A0).
    expect(smtp.received[0]?.raw.replace(/\r?\n\s+/g, " ")).toMatch(/Subject: .*=C2=A0/i);
  });

  it("records a refusal, waits for the back-off, then retries and succeeds", async () => {
    await enqueueEmail(testDb, { dedupeKey: "reminder-7d:a1:u1", to: "directrice@test.fr", subject: "Rappel", text: "Rappel." });
    smtp.refusing = true;
    const now = new Date();
    expect(await deliver(now)).toEqual({ sent: 0, failed: 1 });
    const failed = await rowOf("reminder-7d:a1:u1");
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, sentAt: null, nextAttemptAt: seconds(now, 60) });
    expect(failed.lastError).toMatch(/550|Mailbox unavailable/);

    smtp.refusing = false;
    expect(await deliver(seconds(now, 59))).toEqual({ sent: 0, failed: 0 });
    expect(await deliver(seconds(now, 60))).toEqual({ sent: 1, failed: 0 });
    expect(await rowOf("reminder-7d:a1:u1")).toMatchObject({ status: "SENT", attempts: 2, lastError: null, nextAttemptAt: null });
    expect(smtp.received).toHaveLength(1);
  });

  it("gives up after the last attempt, and records an unreachable server's error", async () => {
    await enqueueEmail(testDb, { dedupeKey: "k1", to: "a@test.fr", subject: "Un", text: "Un." });
    await testDb.outboxEmail.update({ where: { dedupeKey: "k1" }, data: { status: "FAILED", attempts: MAX_ATTEMPTS - 1 } });
    smtp.refusing = true;
    const now = new Date();
    expect(await deliver(now)).toEqual({ sent: 0, failed: 1 });
    expect(await rowOf("k1")).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    expect(await deliver(seconds(now, 86_400 * 30))).toEqual({ sent: 0, failed: 0 });

    await enqueueEmail(testDb, { dedupeKey: "k2", to: "b@test.fr", subject: "Deux", text: "Deux." });
    await smtp.stop();
    expect(await deliver(new Date())).toEqual({ sent: 0, failed: 1 });
    expect((await rowOf("k2")).lastError).toMatch(/ECONNREFUSED/);
    smtp = new TestSmtpServer();
    await smtp.start();
  });

  it("sends an e-mail again under the same Message-ID when its outcome could not be recorded", async () => {
    await enqueueEmail(testDb, { dedupeKey: "k1", to: "a@test.fr", subject: "Un", text: "Un." });
    await enqueueEmail(testDb, { dedupeKey: "k2", to: "b@test.fr", subject: "Deux", text: "Deux." });
    const now = new Date();
    expect(await deliver(now)).toEqual({ sent: 2, failed: 0 });
    // As if the database had gone away between the mail server's acceptance and the SENT update.
    await testDb.outboxEmail.update({ where: { dedupeKey: "k1" }, data: { status: "PENDING", nextAttemptAt: now } });
    expect(await deliver(seconds(now, 1))).toEqual({ sent: 1, failed: 0 });

    const messageIdsTo = (address: string) =>
      smtp.received
        .filter((message) => message.to.includes(address))
        .map((message) => /^Message-ID: (.+)$/im.exec(message.raw)?.[1]?.trim());
    const { id } = await testDb.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: "k1" }, select: { id: true } });
    expect(messageIdsTo("a@test.fr")).toEqual([`<${id}@hospiconnect.test>`, `<${id}@hospiconnect.test>`]);
    expect(messageIdsTo("b@test.fr")).toHaveLength(1);
    expect(messageIdsTo("b@test.fr")[0]).not.toBe(`<${id}@hospiconnect.test>`);
  });

  it("sends each e-mail once when two workers run at the same time", async () => {
    for (const n of [1, 2, 3, 4])
      await enqueueEmail(testDb, { dedupeKey: `k${n}`, to: `p${n}@test.fr`, subject: `E-mail ${n}`, text: "Texte." });
    const now = new Date();
    const [first, second] = await Promise.all([deliver(now), deliver(now)]);
    expect(first.sent + second.sent).toBe(4);
    expect(smtp.received.map((message) => message.to[0]).sort()).toEqual(["p1@test.fr", "p2@test.fr", "p3@test.fr", "p4@test.fr"]);
    expect(await testDb.outboxEmail.count({ where: { status: "SENT", attempts: 1 } })).toBe(4);
  });
});
