import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { TestSmtpServer } from "@/lib/notifications/testing/smtp-server";
import { createDraft, createOpenWave, establishmentWithDirector, type OpenWave } from "@/test/factories";
import { type AppProcess, sessionCookie, startApp, startWorker, type WorkerProcess } from "./app-process";
import { type PostgresCluster, startPostgresCluster, withClient } from "./postgres-cluster";
import { expectSubmissionsWhole } from "./submissions-whole";

/**
 * Outages the fault drills of faults.system.test.ts do not stage, on a PostgreSQL server the test
 * owns: the server down when the app starts, the app's connections ended by the server (a failover,
 * an idle-connection reaper), and an outage longer than every timeout. Each time the app answers
 * French 503s in bounded time, serves again by itself, and its job worker sends the receipts.
 */
const DOSSIERS = 12;
/** No request may wait longer than this, whatever the database does (the acquire timeout is 5 s). */
const ANSWER_BOUND_MS = 10_000;

type Dossier = { applicationId: string; key: string; cookie: string; email: string };
type Outcome = { status: number; body: string; ms: number; retryAfter: string | null };

describe("outages", () => {
  let cluster: PostgresCluster;
  let url: string;
  let db: Db;
  let smtp: TestSmtpServer;
  let files: string;
  let app: AppProcess;
  let wave: OpenWave;
  let smtpUrl: string;
  let serverDown = false;
  const dossiers: Dossier[] = [];

  const stopServer = (mode: "fast" | "immediate") => {
    cluster.stop(mode);
    serverDown = true;
  };
  const startServer = () => {
    cluster.start();
    serverDown = false;
  };

  const request = async (dossier: Dossier, method: string, pathname: string, json?: unknown): Promise<Outcome> => {
    const started = Date.now();
    const response = await fetch(`${app.url}${pathname}`, {
      method,
      redirect: "manual",
      headers: { Cookie: dossier.cookie, Origin: app.url, ...(json ? { "Content-Type": "application/json" } : {}) },
      body: json ? JSON.stringify(json) : undefined,
      signal: AbortSignal.timeout(120_000),
    });
    const body = await response.text();
    return { status: response.status, body, ms: Date.now() - started, retryAfter: response.headers.get("retry-after") };
  };
  const page = (dossier: Dossier) => request(dossier, "GET", `/dossiers/${dossier.applicationId}`);
  const submit = (dossier: Dossier) =>
    request(dossier, "POST", `/api/applications/${dossier.applicationId}/submission`, { idempotencyKey: dossier.key });
  const health = async (pathname: "/api/health" | "/api/health/ready") => (await fetch(`${app.url}${pathname}`)).status;

  const onServer = <T>(work: (client: pg.Client) => Promise<T>) => withClient(url, work);

  /** Ends every session of the app's database but the caller's, as a failover or a connection reaper does. */
  const terminateAppConnections = () =>
    onServer(async (client) => {
      const { rows } = await client.query<{ ended: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity WHERE datname = 'app' AND pid <> pg_backend_pid()`,
      );
      return rows[0]!.ended;
    });

  /** Every submitted dossier gets its receipt and its director one receipt e-mail. */
  async function expectReceiptsSentOnce(submitted: Dossier[], timeout: number) {
    await expect
      .poll(() => submitted.filter((dossier) => smtp.received.some((message) => message.to.includes(dossier.email))).length, {
        timeout,
        interval: 500,
      })
      .toBe(submitted.length);
    for (const dossier of submitted) expect(smtp.received.filter((message) => message.to.includes(dossier.email))).toHaveLength(1);
  }

  /** A complete draft of a new establishment, its director signed in. */
  async function newDossier(): Promise<Dossier> {
    const { establishment, director } = await establishmentWithDirector(db);
    const draft = await createDraft(db, establishment.id, wave, { complete: true });
    return { applicationId: draft.id, key: randomUUID(), cookie: await sessionCookie(db, director.userId), email: director.email };
  }

  const residentKb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.pid}/status`, "utf8"))![1]);

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    files = await mkdtemp(path.join(tmpdir(), "hospiconnect-outages-"));
    url = await cluster.createDatabase("app");
    await migrateDatabase(url);
    db = createDb(url, 2);
    wave = await createOpenWave(db, { closesAt: new Date(Date.now() + 30 * 86_400_000) });
    for (let index = 0; index < DOSSIERS; index += 1) dossiers.push(await newDossier());
    smtp = new TestSmtpServer();
    smtpUrl = await smtp.start();
    // The app starts on a server that is down: nothing in its start may need the database.
    stopServer("fast");
    app = await startApp({ DATABASE_URL: url, STORAGE_DIR: files, SMTP_URL: smtpUrl });
  });

  // A drill that fails leaves the server up for the next one.
  afterEach((context) => {
    if (serverDown) startServer();
    // What the app logged is what explains a failed drill.
    if (context.task.result?.state === "fail") console.log(app?.lines.slice(-60).join("\n"));
  });

  afterAll(async () => {
    await app?.kill();
    await db?.$disconnect();
    await smtp?.stop();
    await cluster?.destroy();
    if (files) await rm(files, { recursive: true, force: true });
  });

  it("starts while PostgreSQL is down, answers French 503s from the first request, then serves and works its jobs once it is up", async () => {
    const [owner] = dossiers as [Dossier];
    // The very first request a user makes, before anything has told the app the database is away.
    const firstPage = await page(owner);
    expect(firstPage.status, firstPage.body.slice(0, 300)).toBe(503);
    expect(firstPage.retryAfter).toBeTruthy();
    expect(firstPage.body).toContain("Service momentanément indisponible");
    const api = await submit(owner);
    expect(api.status).toBe(503);
    expect(JSON.parse(api.body).error).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/momentanément indisponible/) });
    expect(api.retryAfter).toBeTruthy();
    // The first requests of a process also load the code of their route: bounded, but not as tightly.
    for (const outcome of [firstPage, api]) expect(outcome.ms).toBeLessThan(3 * ANSWER_BOUND_MS);
    expect(await health("/api/health")).toBe(200);
    expect(await health("/api/health/ready")).toBe(503);

    startServer();
    await expect.poll(async () => (await page(owner)).status, { timeout: 30_000, interval: 250 }).toBe(200);
    expect(await health("/api/health/ready")).toBe(200);
    // The job worker, which could not start with the database away, starts now (its next attempt is
    // within 10 s) and sends the receipt of a dossier submitted then.
    await expect.poll(() => app.lines.some((line) => line.includes('"job worker started"')), { timeout: 20_000 }).toBe(true);
    expect((await submit(owner)).status).toBe(200);
    await expectReceiptsSentOnce([owner], 30_000);
  });

  it("drops the connections the server ended, between and during requests, with nothing half-written", async () => {
    const [owner, ...others] = dossiers as [Dossier, ...Dossier[]];
    await expect.poll(async () => (await page(owner)).status, { timeout: 30_000, interval: 250 }).toBe(200);
    // Enough requests at once for the pool to hold several connections.
    expect((await Promise.all(others.map(page))).map((outcome) => outcome.status)).toEqual(others.map(() => 200));
    expect(await terminateAppConnections()).toBeGreaterThan(1);
    // The next requests find their connections gone and take new ones: no user sees the reaper.
    for (let index = 0; index < 3; index += 1) {
      const outcome = await page(owner);
      expect(outcome.status, outcome.body.slice(0, 300)).toBe(200);
    }

    // Ended under submissions and page loads in flight: a submission goes through or is told to retry,
    // none is half-written; a page's reads run again on new connections, and it is served.
    const inFlight = others.map(submit);
    const pagesInFlight = others.map(page);
    await Promise.race(inFlight);
    await terminateAppConnections();
    const outcomes = await Promise.all(inFlight);
    for (const outcome of outcomes) expect([200, 503], outcome.body.slice(0, 300)).toContain(outcome.status);
    for (const outcome of await Promise.all(pagesInFlight)) expect(outcome.status, outcome.body.slice(0, 300)).toBe(200);
    await expectSubmissionsWhole(
      db,
      dossiers.map((dossier) => dossier.applicationId),
    );
    for (const dossier of others) expect((await submit(dossier)).status).toBe(200);
    await expectSubmissionsWhole(
      db,
      dossiers.map((dossier) => dossier.applicationId),
    );
    await expectReceiptsSentOnce(dossiers, 60_000);
  });

  it("answers every request in bounded time through an outage longer than its timeouts, then serves again", async () => {
    const [owner] = dossiers as [Dossier];
    const residentBefore = residentKb();
    stopServer("immediate");
    const outageEnds = Date.now() + 20_000;
    const answered: Outcome[] = [];
    while (Date.now() < outageEnds) {
      answered.push(...(await Promise.all([page(owner), submit(owner), page(owner), request(owner, "GET", "/compte")])));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    startServer();
    expect(answered.filter((outcome) => outcome.status !== 503).map((outcome) => [outcome.status, outcome.body.slice(0, 200)])).toEqual([]);
    expect(Math.max(...answered.map((outcome) => outcome.ms))).toBeLessThan(ANSWER_BOUND_MS);
    const back = Date.now();
    await expect.poll(async () => (await page(owner)).status, { timeout: 30_000, interval: 250 }).toBe(200);
    expect(Date.now() - back).toBeLessThan(15_000);
    expect((await submit(owner)).status).toBe(200);
    // The job worker came back too: a dossier submitted now gets its receipt.
    const after = await newDossier();
    expect((await submit(after)).status).toBe(200);
    await expectReceiptsSentOnce([after], 30_000);
    // Nothing piled up during the outage: no connection beyond the pools', no memory kept per refused request.
    const connections = await onServer(
      async (client) =>
        (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'app'`)).rows[0]!.n,
    );
    expect(connections).toBeLessThanOrEqual(20);
    expect(residentKb() - residentBefore).toBeLessThan(150_000);
  });

  it("completes the receipts of a worker killed mid-run once a worker runs again, each e-mail once", async () => {
    // The web instance only queues jobs; `npm run worker` works them, apart.
    await app.kill();
    const settings = { DATABASE_URL: url, STORAGE_DIR: files, SMTP_URL: smtpUrl };
    // Started side by side; whichever started is stopped if the other did not.
    const [web, first] = await Promise.allSettled([startApp({ ...settings, RUN_JOBS: "false" }), startWorker(settings)]);
    if (web.status === "rejected" || first.status === "rejected") {
      await Promise.all([web, first].map((started) => (started.status === "fulfilled" ? started.value.kill() : undefined)));
      throw web.status === "rejected" ? web.reason : (first as PromiseRejectedResult).reason;
    }
    app = web.value;
    let worker: WorkerProcess = first.value;
    try {
      const fresh = await Promise.all(Array.from({ length: 8 }, newDossier));
      expect((await Promise.all(fresh.map(submit))).map((outcome) => outcome.status)).toEqual(fresh.map(() => 200));
      const issued = () =>
        db.submission.count({ where: { applicationId: { in: fresh.map((dossier) => dossier.applicationId) }, receiptKey: { not: null } } });
      // Killed while the receipts job runs: some receipts issued, the others not yet.
      await expect.poll(issued, { timeout: 60_000, interval: 10 }).toBeGreaterThan(0);
      await worker.kill("SIGKILL");
      expect(await issued()).toBeLessThan(fresh.length);

      worker = await startWorker(settings);
      // The next submission's run issues every receipt still missing, those of the killed run included.
      const late = await newDossier();
      expect((await submit(late)).status).toBe(200);
      await expectReceiptsSentOnce([...fresh, late], 60_000);
      const recipients = [...fresh, late].map((dossier) => dossier.email);
      await expect
        .poll(() => db.outboxEmail.count({ where: { to: { in: recipients }, status: { not: "SENT" } } }), { timeout: 10_000 })
        .toBe(0);
    } finally {
      await worker.kill();
    }
  });
});
