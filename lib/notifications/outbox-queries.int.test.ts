import { beforeEach, describe, expect, it, vi } from "vitest";
import type { EmailStatus } from "@/lib/db/generated/enums";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createUser, programmeManager } from "@/test/factories";
import { listOutbox, listOwnEmails, OUTBOX_PAGE_SIZE } from "./outbox-queries";

// « Mes courriels » exists in demo mode only; the tests' database URL would otherwise turn it off.
vi.mock("@/lib/config/env", async (original) => ({ ...(await original<typeof import("@/lib/config/env")>()), isDemoMode: () => true }));

const BASE = new Date("2026-03-02T08:00:00Z");

/**
 * `count` e-mails, PENDING and SENT in turn, to `to`; three at a time share their creation instant,
 * so that the order holds between e-mails written in the same millisecond too.
 */
async function queueEmails(count: number, to: string) {
  await testDb.outboxEmail.createMany({
    data: Array.from({ length: count }, (_, index) => {
      const createdAt = new Date(BASE.getTime() + Math.floor(index / 3) * 1000);
      const sent = index % 2 === 1;
      return {
        dedupeKey: `test:${to}:${index}`,
        to,
        subject: `Courriel ${index}`,
        text: "Bonjour",
        createdAt,
        ...(sent ? { status: "SENT" satisfies EmailStatus, sentAt: createdAt, nextAttemptAt: null } : {}),
      };
    }),
  });
}

/** Every page of a list, read one after the other as the page links lead. */
async function allPages<T>(read: (page: number) => Promise<{ emails: T[]; pageCount: number }>) {
  const first = await read(1);
  const pages = [first.emails];
  for (let page = 2; page <= first.pageCount; page++) pages.push((await read(page)).emails);
  return { pages, pageCount: first.pageCount };
}

/** The e-mails' creation instants, to compare with the same sorted newest first. */
const instants = (emails: { createdAt: Date }[]) => emails.map((email) => email.createdAt.getTime());
const newestFirst = (emails: { createdAt: Date }[]) => instants(emails).toSorted((a, b) => b - a);

describe("the outbox's pages", () => {
  beforeEach(resetDatabase);

  it("gives, page after page, every e-mail once, newest first, the state filter kept on each page", async () => {
    const manager = await programmeManager(testDb);
    const count = 2 * OUTBOX_PAGE_SIZE + 10;
    await queueEmails(count, "equipe@hopital.test");

    const all = await allPages((page) => listOutbox(manager, { page }));
    expect(all.pageCount).toBe(3);
    expect(all.pages.map((emails) => emails.length)).toEqual([OUTBOX_PAGE_SIZE, OUTBOX_PAGE_SIZE, 10]);
    const emails = all.pages.flat();
    expect(new Set(emails.map((email) => email.id)).size).toBe(count);
    expect(instants(emails)).toEqual(newestFirst(emails));
    expect((await listOutbox(manager, { page: 1 })).total).toBe(count);

    const pending = await allPages((page) => listOutbox(manager, { status: "PENDING", page }));
    expect(pending.pageCount).toBe(2);
    expect(pending.pages.map((page) => page.length)).toEqual([OUTBOX_PAGE_SIZE, 5]);
    const pendingEmails = pending.pages.flat();
    expect(pendingEmails.every((email) => email.status === "PENDING")).toBe(true);
    expect(new Set(pendingEmails.map((email) => email.id)).size).toBe(OUTBOX_PAGE_SIZE + 5);
    expect(instants(pendingEmails)).toEqual(newestFirst(pendingEmails));
    expect((await listOutbox(manager, { status: "PENDING", page: 2 })).total).toBe(OUTBOX_PAGE_SIZE + 5);
  });

  it("pages a person's own e-mails the same way, and only theirs", async () => {
    const { viewer } = await createUser(testDb);
    await queueEmails(OUTBOX_PAGE_SIZE + 3, viewer.email);
    await queueEmails(4, "autre@hopital.test");

    const own = await allPages((page) => listOwnEmails(viewer, { page }));
    expect(own.pageCount).toBe(2);
    expect(own.pages.map((emails) => emails.length)).toEqual([OUTBOX_PAGE_SIZE, 3]);
    const emails = own.pages.flat();
    expect(emails.every((email) => email.to === viewer.email)).toBe(true);
    expect(new Set(emails.map((email) => email.id)).size).toBe(OUTBOX_PAGE_SIZE + 3);
    expect(instants(emails)).toEqual(newestFirst(emails));
    expect((await listOwnEmails(viewer, { page: 2 })).total).toBe(OUTBOX_PAGE_SIZE + 3);
  });
});
