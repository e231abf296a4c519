import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { createDemoSignInLinks } from "@/lib/identity/demo-sign-in";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { TestSmtpServer } from "@/lib/notifications/testing/smtp-server";
import { parisToday } from "@/lib/roster/dates";
import { type AppProcess, logEntries, startApp } from "./app-process";
import { BrowserSession } from "./browser-session";
import { type PostgresCluster, startPostgresCluster } from "./postgres-cluster";
import { createDraft, createOpenWave, establishmentWithDirector, insertRoster, ROSTER_CASES } from "@/test/factories";

/**
 * Two instances of the app on one PostgreSQL, both running the job worker, every job scheduled
 * each minute: each occurrence runs once (one snapshot per establishment and Paris day, one
 * reminder per person, each e-mail delivered once), and a session opened on one instance is
 * honoured, then ended, on the other.
 */
const ESTABLISHMENTS = 6;
const QUEUED_EMAILS = 30;
const EVERY_MINUTE = "outbox-delivery=* * * * *;deadline-reminders=* * * * *;daily-snapshots=* * * * *;expire-stale-imports=* * * * *";
/**
 * Both instances check the schedules every second, not every 30 s: an occurrence is sent as soon as
 * its minute begins, and the two race for each one far more often.
 */
const SCHEDULE_CHECK_SECONDS = "1";

describe("two instances on one PostgreSQL", () => {
  let cluster: PostgresCluster;
  let db: Db;
  let smtp: TestSmtpServer;
  let instances: AppProcess[] = [];
  const directors: string[] = [];
  const establishmentIds: string[] = [];
  let startedAt: number;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    const url = await cluster.createDatabase("app");
    await migrateDatabase(url);
    db = createDb(url, 2);
    // Drafts due for their 2-day reminder (the deadline is tomorrow), rosters without today's snapshot.
    const wave = await createOpenWave(db, { closesAt: new Date(Date.now() + 86_400_000) });
    for (let index = 0; index < ESTABLISHMENTS; index += 1) {
      const { establishment, director } = await establishmentWithDirector(db);
      await insertRoster(db, establishment.id, ROSTER_CASES.slice(0, 3));
      await createDraft(db, establishment.id, wave, { createdAt: new Date(Date.now() - 10 * 86_400_000), complete: true });
      establishmentIds.push(establishment.id);
      directors.push(director.email);
    }
    for (let index = 0; index < QUEUED_EMAILS; index += 1) {
      await enqueueEmail(db, {
        dedupeKey: `test:${index}`,
        to: `destinataire.${index}@test.fr`,
        subject: `Message ${index}`,
        text: "Bonjour",
      });
    }
    smtp = new TestSmtpServer();
    const smtpUrl = await smtp.start();
    const settings = {
      DATABASE_URL: url,
      SMTP_URL: smtpUrl,
      JOB_SCHEDULES: EVERY_MINUTE,
      JOB_SCHEDULE_CHECK_SECONDS: SCHEDULE_CHECK_SECONDS,
      DEMO_MODE: "true",
      STORAGE_DIR: path.join(tmpdir(), "hospiconnect-two-instances-files"),
    };
    startedAt = Date.now();
    instances = await Promise.all([startApp(settings), startApp(settings)]);
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.kill()));
    await db?.$disconnect();
    await smtp?.stop();
    await cluster?.destroy();
  });

  it("runs each scheduled occurrence once, whichever instance takes it", async () => {
    const expectedMails = QUEUED_EMAILS + ESTABLISHMENTS;
    await expect
      .poll(
        async () => ({
          sent: await db.outboxEmail.count({ where: { status: "SENT" } }),
          snapshotted: await db.indicatorSnapshot.count({ where: { reason: "DAILY" } }),
        }),
        { timeout: 120_000, interval: 250 },
      )
      .toEqual({ sent: expectedMails, snapshotted: ESTABLISHMENTS });
    // Let a later occurrence of the snapshots and the reminders run too: it must find nothing left
    // to do. The first run of each that completed did all of it (the rosters and drafts were there
    // before the instances); a run that started after it ended is a later occurrence. The next
    // minute's is sent within a second of its start (the schedule check above), and has often run
    // by now. Duplicates are what the counts below look for, so any number of later runs will do.
    await expect
      .poll(
        async () =>
          (
            await db.$queryRaw<Array<{ name: string }>>`
              SELECT later.name FROM pgboss.job later
              WHERE later.name IN ('daily-snapshots', 'deadline-reminders') AND later.state = 'completed'
              AND later.started_on > (SELECT min(first.completed_on) FROM pgboss.job first WHERE first.name = later.name AND first.state = 'completed')
              GROUP BY later.name ORDER BY later.name`
          ).map((row) => row.name),
        { timeout: 90_000, interval: 250 },
      )
      .toEqual(["daily-snapshots", "deadline-reminders"]);

    for (const instance of instances) {
      expect(logEntries(instance).some((entry) => entry.msg === "job worker started")).toBe(true);
    }
    // Each occurrence of each schedule became one job: no queue holds more jobs than the minutes
    // begun since the instances started, plus the occurrence just before (pg-boss sends an
    // occurrence up to 60 s late). Two instances each sending every occurrence would double that.
    // A job's creation minute is not its occurrence: one sent in a minute's last seconds is created
    // in the next, beside that minute's own.
    const occurrences = Math.floor(Date.now() / 60_000) - Math.floor((startedAt - 60_000) / 60_000);
    const perQueue = await db.$queryRaw<Array<{ name: string; jobs: number }>>`
      SELECT name, count(*)::int AS jobs FROM pgboss.job WHERE name NOT LIKE '\\_\\_pgboss%' GROUP BY name ORDER BY name`;
    expect(perQueue.map((queue) => queue.name)).toEqual(
      expect.arrayContaining(["daily-snapshots", "deadline-reminders", "expire-stale-imports", "outbox-delivery"]),
    );
    // The outbox's queue also holds the runs that use cases ask for once they queued e-mails
    // (requestDelivery: the reminders do): each e-mail delivered once is checked below.
    expect(perQueue.filter((queue) => queue.name !== "outbox-delivery" && queue.jobs > occurrences)).toEqual([]);

    // One snapshot per establishment for the Paris day.
    const snapshots = await db.indicatorSnapshot.groupBy({ by: ["establishmentId"], where: { reason: "DAILY" }, _count: { _all: true } });
    expect(snapshots.map((row) => [row.establishmentId, row._count._all]).sort()).toEqual(establishmentIds.map((id) => [id, 1]).sort());
    const takenOn = await db.indicatorSnapshot.findMany({ where: { reason: "DAILY" }, select: { takenAt: true } });
    expect(new Set(takenOn.map((row) => parisToday(row.takenAt)))).toEqual(new Set([parisToday(new Date())]));

    // Every e-mail reached the SMTP server exactly once: one reminder per director, each queued e-mail once.
    const received = smtp.received.flatMap((message) => message.to);
    const perRecipient = new Map<string, number>();
    for (const to of received) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    expect([...perRecipient.values()].every((count) => count === 1)).toBe(true);
    expect(received.sort()).toEqual(
      [...directors, ...Array.from({ length: QUEUED_EMAILS }, (_, index) => `destinataire.${index}@test.fr`)].sort(),
    );
    expect(await db.outboxEmail.count({ where: { dedupeKey: { startsWith: "reminder-2d:" } } })).toBe(ESTABLISHMENTS);
  });

  it("honours on one instance the session opened on the other, and ends it everywhere at sign-out", async () => {
    const [first, second] = instances as [AppProcess, AppProcess];
    const [link] = await createDemoSignInLinks(db, first.url);
    const token = new URL(link!.link).pathname.split("/").pop()!;

    const browser = new BrowserSession();
    await browser.signInWithDemoLink(first.url, token);
    expect(browser.signedIn).toBe(true);

    const onSecond = await browser.fetch(`${second.url}/compte`);
    expect(onSecond.status, second.lines.slice(-10).join("\n")).toBe(200);
    expect(await onSecond.text()).toContain(link!.name);

    const beforeSignOut = browser.copy();
    const signOut = await browser.signOut(second.url);
    expect(signOut.status, second.lines.slice(-10).join("\n")).toBeLessThan(400);
    // The cookie replayed on the first instance no longer opens anything.
    const replayed = await beforeSignOut.fetch(`${first.url}/compte`);
    expect(replayed.status).toBe(307);
    expect(replayed.headers.get("location")).toContain("/connexion");
  });
});
