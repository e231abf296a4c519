import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILES } from "@/lib/attachments/testing/files";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { templateCsv } from "@/lib/roster/import/fixtures.test-helpers";
import { STORAGE_UNAVAILABLE_MESSAGE } from "@/lib/storage/guarded-storage";
import { LocalFileStorage } from "@/lib/storage/local-file-storage";
import { generateStorageKey } from "@/lib/storage/storage-key";
import { type AppProcess, logEntries, sessionCookie, startApp } from "./app-process";
import { type PostgresCluster, startPostgresCluster } from "./postgres-cluster";
import { expectSubmissionsWhole } from "./submissions-whole";
import { createDraft, createOpenWave, establishmentWithDirector, programmeManager } from "@/test/factories";

/**
 * Faults on a PostgreSQL server the test owns: restarted while dossiers are being submitted,
 * decisions released and a roster imported, and while the job queue issues receipts, then an import commit whose process is killed. During the outage
 * the app answers French 503 pages and JSON errors; it serves again by itself once the server is
 * back; nothing is ever half-written, and each receipt is issued once.
 */
const SUBMISSIONS = 10;
const DECISIONS = 6;
/**
 * The receipts' schedule moved to 29 February at midnight: no drill meets it, so the receipts
 * that come prove that the runs asked for before or during an outage are not lost (lib/jobs/worker.ts).
 */
const RECEIPTS_UNSCHEDULED = "submission-receipts=0 0 29 2 *";
/** From the server's restart to the last receipt: the queue's restart, a resend, one run. */
const RECEIPTS_AFTER_RESTART_MS = 45_000;

/** Distinct names made of letters, as the roster's name rules want them. */
const letters = (index: number) =>
  Array.from({ length: 4 }, (_, position) => String.fromCharCode(65 + (Math.floor(index / 26 ** position) % 26))).join("");
const rosterFile = (lines: number) =>
  Buffer.from(
    templateCsv(
      Array.from({ length: lines }, (_, index) => ({ Nom: `ESSAI${letters(index)}`, Prénom: "Ana", RPPS: "", "Statut RPPS": "", MIE: "" })),
    ),
  );

type Caller = { cookie: string };
type Outcome = { status: number; body: string };

describe("faults", () => {
  let cluster: PostgresCluster;
  let url: string;
  let db: Db;
  let app: AppProcess;
  let manager: Caller;
  const submissions: Array<Caller & { applicationId: string; key: string }> = [];
  const decisions: Array<{ applicationId: string }> = [];
  let wave: Awaited<ReturnType<typeof createOpenWave>>;
  let importer: Caller & { establishmentId: string; importId: string };
  let files: string;

  async function storedFile(bytes: Uint8Array): Promise<string> {
    const key = generateStorageKey("roster-imports");
    await new LocalFileStorage(files).put(key, bytes, "text/csv");
    return key;
  }

  async function previewedImport(lines: number) {
    const { establishment, director } = await establishmentWithDirector(db);
    const row = await db.rosterImport.create({
      data: {
        establishmentId: establishment.id,
        fileName: "registre.csv",
        format: "CSV",
        status: "PREVIEWED",
        totalLines: lines,
        storageKey: await storedFile(rosterFile(lines)),
        createdById: director.userId,
      },
    });
    return { establishmentId: establishment.id, importId: row.id, cookie: await sessionCookie(db, director.userId) };
  }

  const call = (caller: Caller, method: string, path: string, json?: unknown): Promise<Outcome> =>
    fetch(`${app.url}${path}`, {
      method,
      redirect: "manual",
      headers: { Cookie: caller.cookie, Origin: app.url, ...(json ? { "Content-Type": "application/json" } : {}) },
      body: json ? JSON.stringify(json) : undefined,
    }).then(async (response) => ({ status: response.status, body: await response.text() }));

  const submit = (dossier: (typeof submissions)[number]) =>
    call(dossier, "POST", `/api/applications/${dossier.applicationId}/submission`, { idempotencyKey: dossier.key });
  const release = () => call(manager, "POST", `/api/waves/${wave.waveId}/decisions/release`);
  const commit = (caller: typeof importer) =>
    call(caller, "POST", `/api/establishments/${caller.establishmentId}/roster/imports/${caller.importId}/commit`);

  /**
   * Waits until the app holds a transaction open on the server (its writes are under way); with
   * `blockedAfterWrites`, one that has written and now waits for a lock.
   */
  async function transactionUnderWay(matching: string, { blockedAfterWrites = false } = {}): Promise<void> {
    const observer = new pg.Client({ connectionString: url });
    await observer.connect();
    try {
      await expect
        .poll(
          async () =>
            (
              await observer.query(
                `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'app' AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND query ILIKE $1
                 AND (NOT $2 OR (backend_xid IS NOT NULL AND wait_event_type = 'Lock'))`,
                [`%${matching}%`, blockedAfterWrites],
              )
            ).rows[0].n,
          { timeout: 60_000, interval: 20 },
        )
        .toBeGreaterThan(0);
    } finally {
      await observer.end();
    }
  }

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    files = await mkdtemp(path.join(tmpdir(), "hospiconnect-faults-"));
    url = await cluster.createDatabase("app");
    await migrateDatabase(url);
    db = createDb(url, 2);
    wave = await createOpenWave(db, { closesAt: new Date(Date.now() + 30 * 86_400_000) });
    for (let index = 0; index < SUBMISSIONS + DECISIONS; index += 1) {
      const { establishment, director } = await establishmentWithDirector(db);
      const draft = await createDraft(db, establishment.id, wave, { complete: true });
      if (index < SUBMISSIONS) {
        submissions.push({ applicationId: draft.id, key: randomUUID(), cookie: await sessionCookie(db, director.userId) });
      } else {
        await db.application.update({ where: { id: draft.id }, data: { state: "SCORED" } });
        // Staged (ADR 0013): the release makes them decisions, all together or none.
        await db.decision.create({
          data: { applicationId: draft.id, waveId: wave.waveId, outcome: "REJECTED", reasons: "Hors du périmètre de la vague." },
        });
        decisions.push({ applicationId: draft.id });
      }
    }
    const pilot = await programmeManager(db);
    manager = { cookie: await sessionCookie(db, pilot.userId) };
    importer = await previewedImport(3_000);
    app = await startApp({
      DATABASE_URL: url,
      STORAGE_DIR: files,
      DATABASE_ACQUIRE_TIMEOUT_MS: "2000",
      JOB_SCHEDULES: RECEIPTS_UNSCHEDULED,
    });
  });

  afterAll(async () => {
    await app?.kill();
    await db?.$disconnect();
    await cluster?.destroy();
    if (files) await rm(files, { recursive: true, force: true });
  });

  async function expectNothingHalfWritten() {
    await expectSubmissionsWhole(
      db,
      submissions.map((dossier) => dossier.applicationId),
    );
    const decided = await db.application.findMany({
      where: { id: { in: decisions.map((dossier) => dossier.applicationId) } },
      select: {
        state: true,
        decisions: { where: { releasedAt: { not: null } }, select: { id: true } },
        _count: { select: { transitions: true } },
      },
    });
    // The wave's release is all or nothing.
    const released = decided[0]!.state === "REJECTED";
    for (const row of decided)
      expect([row.state, row.decisions.length, row._count.transitions]).toEqual(released ? ["REJECTED", 1, 1] : ["SCORED", 0, 0]);
    const batch = await db.rosterImport.findUniqueOrThrow({ where: { id: importer.importId }, select: { status: true } });
    const professionals = await db.professional.count({ where: { establishmentId: importer.establishmentId } });
    const audited = await db.auditEvent.count({ where: { action: "roster.imported", targetId: importer.establishmentId } });
    expect([batch.status, professionals, audited]).toEqual(batch.status === "COMMITTED" ? ["COMMITTED", 3_000, 1] : ["PREVIEWED", 0, 0]);
  }

  it("answers French 503s while PostgreSQL restarts under in-flight writes, then serves again by itself with nothing half-written", async () => {
    const inFlight = [...submissions.map(submit), release(), commit(importer)];
    // Once the first one has gone through, the others are still under way.
    await Promise.race(inFlight);
    cluster.stop("fast");
    const outcomes = await Promise.all(inFlight);
    // Each in-flight request either went through or was told to retry; none met an unexpected error.
    for (const outcome of outcomes) expect([200, 503], outcome.body.slice(0, 300)).toContain(outcome.status);
    expect(outcomes.some((outcome) => outcome.status === 503)).toBe(true);

    const [owner] = submissions;
    const page = await fetch(`${app.url}/dossiers/${owner!.applicationId}`, { headers: { Cookie: owner!.cookie } });
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBeTruthy();
    expect(await page.text()).toContain("Service momentanément indisponible");

    const api = await fetch(`${app.url}/api/applications/${owner!.applicationId}/submission`, {
      method: "POST",
      headers: { Cookie: owner!.cookie, Origin: app.url, "Content-Type": "application/json" },
      body: JSON.stringify({ idempotencyKey: owner!.key }),
    });
    expect(api.status).toBe(503);
    const error = (await api.json()) as { error: { code: string; message: string } };
    expect(error.error.code).toBe("UNAVAILABLE");
    expect(error.error.message).toMatch(/momentanément indisponible/);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${app.url}/api/health/ready`)).status).toBe(503);

    // Every line of that request's log is JSON and carries its id.
    const requestId = api.headers.get("x-request-id");
    const ofRequest = logEntries(app).filter((entry) => entry.requestId === requestId);
    expect(ofRequest.map((entry) => entry.msg)).toEqual(expect.arrayContaining(["request"]));
    expect(app.lines.filter((line) => line.includes(requestId!)).every((line) => JSON.parse(line).requestId === requestId)).toBe(true);

    cluster.start();
    const restarted = Date.now();
    await expect
      .poll(async () => (await fetch(`${app.url}/dossiers/${owner!.applicationId}`, { headers: { Cookie: owner!.cookie } })).status, {
        timeout: 60_000,
        interval: 500,
      })
      .toBe(200);
    expect(process.kill(app.pid, 0)).toBe(true);
    await expect.poll(async () => (await fetch(`${app.url}/api/health/ready`)).status, { timeout: 10_000 }).toBe(200);

    await expectNothingHalfWritten();

    // What was refused goes through now, once: the same submission keys, the release (which releases nothing twice), the import.
    for (const dossier of submissions) expect((await submit(dossier)).status).toBe(200);
    expect((await release()).status).toBe(200);
    if ((await db.rosterImport.findUniqueOrThrow({ where: { id: importer.importId } })).status === "PREVIEWED")
      expect((await commit(importer)).status).toBe(200);
    await expectNothingHalfWritten();
    expect(
      await db.application.count({ where: { id: { in: submissions.map((dossier) => dossier.applicationId) }, state: "SUBMITTED" } }),
    ).toBe(SUBMISSIONS);
    expect(await db.decision.count({ where: { releasedAt: { not: null } } })).toBe(DECISIONS);
    expect(
      await db.application.count({ where: { id: { in: decisions.map((dossier) => dossier.applicationId) }, state: "REJECTED" } }),
    ).toBe(DECISIONS);
    // The job queue gives each submission its receipt and e-mail, once, outage or not: the runs asked
    // for while it was away (or still starting) are sent once it is back, without the schedule.
    await expect
      .poll(() => db.submission.count({ where: { receiptKey: null } }), {
        timeout: Math.max(1_000, restarted + RECEIPTS_AFTER_RESTART_MS - Date.now()),
      })
      .toBe(0);
    expect(await db.outboxEmail.count({ where: { dedupeKey: { startsWith: "receipt:" } } })).toBe(SUBMISSIONS);
  });

  it("issues each receipt once when PostgreSQL restarts while the job queue is issuing them", async () => {
    await expect.poll(() => logEntries(app).some((entry) => entry.msg === "job worker started"), { timeout: 60_000 }).toBe(true);
    const dossiers = [];
    for (let index = 0; index < 3; index += 1) {
      const { establishment, director } = await establishmentWithDirector(db);
      const draft = await createDraft(db, establishment.id, wave, { complete: true });
      dossiers.push({ applicationId: draft.id, key: randomUUID(), cookie: await sessionCookie(db, director.userId) });
    }
    // The receipts' e-mails wait behind this lock: the run has claimed its receipts in a transaction
    // still open when the server stops.
    const locker = new pg.Client({ connectionString: url });
    locker.on("error", () => undefined);
    await locker.connect();
    await locker.query(`BEGIN; LOCK TABLE "OutboxEmail" IN ACCESS EXCLUSIVE MODE`);
    for (const outcome of await Promise.all(dossiers.map(submit))) expect(outcome.status).toBe(200);
    const submitted = await db.submission.findMany({
      where: { applicationId: { in: dossiers.map((dossier) => dossier.applicationId) } },
      select: { id: true },
    });
    expect(submitted).toHaveLength(dossiers.length);
    await transactionUnderWay("OutboxEmail", { blockedAfterWrites: true });
    cluster.stop("fast");
    cluster.start();
    void locker.end().catch(() => undefined);

    await expect
      .poll(() => db.submission.count({ where: { id: { in: submitted.map((row) => row.id) }, receiptKey: null } }), {
        timeout: RECEIPTS_AFTER_RESTART_MS,
        interval: 500,
      })
      .toBe(0);
    // One e-mail for each establishment's one member.
    for (const { id } of submitted) expect(await db.outboxEmail.count({ where: { dedupeKey: { startsWith: `receipt:${id}:` } } })).toBe(1);
  });

  it("answers in bounded time while another session holds a table locked, more requests than the pool has, then serves again", async () => {
    const [owner] = submissions;
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    await locker.query(`BEGIN; LOCK TABLE "Application" IN ACCESS EXCLUSIVE MODE`);
    try {
      // Twelve requests for a pool of ten: without a lock timeout, each would wait as long as the lock lasts.
      const requests = Array.from({ length: 12 }, () => submit(owner!));
      const page = fetch(`${app.url}/dossiers/${owner!.applicationId}`, { headers: { Cookie: owner!.cookie } }).then(async (response) => ({
        status: response.status,
        body: await response.text(),
      }));
      const answered = await Promise.race([
        Promise.all([...requests, page]),
        new Promise<"still waiting">((resolve) => setTimeout(() => resolve("still waiting"), 30_000)),
      ]);
      expect(answered).not.toBe("still waiting");
      const outcomes = answered as Outcome[];
      for (const outcome of outcomes.slice(0, -1)) {
        expect(outcome.status).toBe(503);
        expect(JSON.parse(outcome.body).error.message).toMatch(/momentanément indisponible/);
      }
      // A page whose load is cancelled is told to retry too, the French 503 page (lib/http/page-outage.ts, ADR 0012).
      expect(outcomes.at(-1)!.status).toBe(503);
      expect(outcomes.at(-1)!.body).toContain("Service momentanément indisponible");
      // A locked table is a busy database, not an absent one: other pages are served meanwhile.
      expect((await fetch(`${app.url}/api/health/ready`)).status).toBe(200);
    } finally {
      await locker.query("ROLLBACK");
      await locker.end();
    }
    expect((await fetch(`${app.url}/dossiers/${owner!.applicationId}`, { headers: { Cookie: owner!.cookie } })).status).toBe(200);
    expect((await submit(owner!)).status).toBe(200);
  });

  it("answers an upload the file storage cannot keep with a French 503, and records nothing", async () => {
    // A storage folder that cannot be one (a file stands in its place): every write fails, as on a lost disk.
    const lostDisk = path.join(files, "disque-perdu");
    await writeFile(lostDisk, "");
    const uploads = await startApp({ DATABASE_URL: url, STORAGE_DIR: lostDisk });
    try {
      const { establishment, director } = await establishmentWithDirector(db);
      const draft = await createDraft(db, establishment.id, await createOpenWave(db));
      const form = new FormData();
      form.set("file", new Blob([FILES.pdf], { type: "application/pdf" }), "convention.pdf");
      const response = await fetch(`${uploads.url}/api/applications/${draft.id}/attachments`, {
        method: "POST",
        headers: { Cookie: await sessionCookie(db, director.userId), Origin: uploads.url },
        body: form,
      });
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(STORAGE_UNAVAILABLE_MESSAGE);
      expect(await db.attachment.count({ where: { applicationId: draft.id } })).toBe(0);
    } finally {
      await uploads.kill();
    }
  });

  it("leaves nothing of an import commit whose process is killed mid-way", async () => {
    const killed = await previewedImport(20_000);
    const request = commit(killed).catch((error: unknown) => ({ status: 0, body: String(error) }));
    await transactionUnderWay("Professional");
    await app.kill("SIGKILL");
    expect((await request).status).toBe(0);

    // PostgreSQL rolls back the dead connection's transaction.
    const observer = new pg.Client({ connectionString: url });
    await observer.connect();
    await expect
      .poll(
        async () =>
          (
            await observer.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'app' AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
            )
          ).rows[0].n,
        { timeout: 30_000 },
      )
      .toBe(0);
    await observer.end();
    const batch = await db.rosterImport.findUniqueOrThrow({ where: { id: killed.importId }, select: { status: true, storageKey: true } });
    expect(batch.status).toBe("PREVIEWED");
    expect(await new LocalFileStorage(files).get(batch.storageKey!)).not.toBeNull();
    expect(await db.professional.count({ where: { establishmentId: killed.establishmentId } })).toBe(0);
    expect(await db.indicatorSnapshot.count({ where: { establishmentId: killed.establishmentId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "roster.imported", targetId: killed.establishmentId } })).toBe(0);

    // A new process commits the same import, whole.
    app = await startApp({ DATABASE_URL: url, STORAGE_DIR: files });
    expect((await commit(killed)).status).toBe(200);
    expect(await db.professional.count({ where: { establishmentId: killed.establishmentId } })).toBe(20_000);
  });
});
