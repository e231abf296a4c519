import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { professionalFormInput } from "@/e2e/fixtures/professional";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { createReconnectingPool } from "@/lib/db/reconnecting-pool";
import { createDraft, createOpenWave, establishmentWithDirector } from "@/test/factories";
import { type AppProcess, sessionCookie, startApp } from "./app-process";
import { type EndingProxy, startEndingProxy } from "./ending-proxy";
import { type PostgresCluster, startPostgresCluster } from "./postgres-cluster";

/**
 * A connection the server ends while it sits idle in the pool (a failover, pg_terminate_backend):
 * the next read, or the next transaction's BEGIN, must not fail on it. The race is made certain: the server ends the session while
 * this process's event loop is blocked, so pg has not read the closing message when the read is sent.
 * On a server of its own: the embedded database has one session, which no one ends.
 */
describe("a pool connection ended by the server", () => {
  let cluster: PostgresCluster;
  let databaseUrl: string;
  let db: Db;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    databaseUrl = await cluster.createDatabase("app");
    await migrateDatabase(databaseUrl);
    db = createDb(databaseUrl, 1);
    await db.$executeRaw`CREATE TABLE drill_rows (label text NOT NULL)`;
  });

  afterAll(async () => {
    await db?.$disconnect();
    await cluster?.destroy();
  });

  /** Ends the pool's one session and waits for it to be gone, without letting this process read its socket. */
  async function endPooledSession(): Promise<void> {
    const [{ pid }] = await db.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
    execFileSync("psql", [databaseUrl, "-qAtc", `SELECT pg_terminate_backend(${pid}, 5000)`]);
  }

  it("runs a read again on a new connection", async () => {
    await endPooledSession();
    expect(await db.$queryRaw`SELECT 1 AS up`).toEqual([{ up: 1 }]);
    await endPooledSession();
    expect(await db.user.count({ where: { email: "personne@exemple.fr" } })).toBe(0);
    // A roster is read as one statement of common table expressions.
    await endPooledSession();
    expect(await db.$queryRaw`WITH one AS (SELECT 1 AS up) SELECT up FROM one`).toEqual([{ up: 1 }]);
  });

  it("runs a read given as text again too (the availability probe's)", async () => {
    const pool = createReconnectingPool({ connectionString: databaseUrl, max: 1 });
    try {
      const { rows } = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      execFileSync("psql", [databaseUrl, "-qAtc", `SELECT pg_terminate_backend(${rows[0]!.pid}, 5000)`]);
      expect((await pool.query("SELECT 1 AS up")).rows).toEqual([{ up: 1 }]);
    } finally {
      await pool.end();
    }
  });

  it("starts a transaction again on a new connection: nothing ran in it yet", async () => {
    // An interactive transaction, as a page's consistent reads or a use case's writes.
    await endPooledSession();
    expect(await db.$transaction(async (tx) => tx.user.count({ where: { email: "personne@exemple.fr" } }))).toBe(0);
    await endPooledSession();
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO drill_rows (label) VALUES ('interactive')`;
    });
    // A batch, and a transaction at another isolation level (BEGIN, then SET TRANSACTION).
    await endPooledSession();
    expect(await db.$transaction([db.user.count(), db.$queryRaw`SELECT 1 AS up`])).toEqual([0, [{ up: 1 }]]);
    await endPooledSession();
    expect(
      await db.$transaction(async (tx) => tx.$queryRaw`SELECT current_setting('transaction_isolation') AS level`, {
        isolationLevel: "RepeatableRead",
      }),
    ).toEqual([{ level: "repeatable read" }]);
    expect(await db.$queryRaw`SELECT label FROM drill_rows`).toEqual([{ label: "interactive" }]);
  });

  it("never runs a transaction again once a statement ran in it", async () => {
    let runs = 0;
    await expect(
      db.$transaction(async (tx) => {
        runs += 1;
        await tx.$executeRaw`INSERT INTO drill_rows (label) VALUES ('cut')`;
        const [{ pid }] = await tx.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
        execFileSync("psql", [databaseUrl, "-qAtc", `SELECT pg_terminate_backend(${pid}, 5000)`]);
        await tx.$executeRaw`INSERT INTO drill_rows (label) VALUES ('after')`;
      }),
    ).rejects.toThrow(/terminat|Connection|closed/i);
    expect(runs).toBe(1);
    expect(await db.$queryRaw`SELECT label FROM drill_rows WHERE label IN ('cut', 'after')`).toEqual([]);
  });

  it("never runs a write twice: it fails as the connection did", async () => {
    await endPooledSession();
    await expect(db.$executeRaw`UPDATE "User" SET email = email WHERE false`).rejects.toThrow(/terminat|Connection|closed/i);
    // The pool has dropped the dead connection: the next write goes through.
    expect(await db.$executeRaw`UPDATE "User" SET email = email WHERE false`).toBe(0);
  });
});

/**
 * The app's pages and routes on connections the server ended, the race made certain by a proxy
 * between the app and its server (ending-proxy.ts): a session ended while idle is met by the
 * request that uses it next, and a transaction's BEGIN by one of them.
 */
describe("pages and routes on connections the server ended", () => {
  let cluster: PostgresCluster;
  let db: Db;
  let proxy: EndingProxy;
  let app: AppProcess;
  let files: string;
  let dossier: { applicationId: string; establishmentId: string; cookie: string };

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    const url = await cluster.createDatabase("app");
    await migrateDatabase(url);
    db = createDb(url, 2);
    const wave = await createOpenWave(db, { closesAt: new Date(Date.now() + 30 * 86_400_000) });
    const { establishment, director } = await establishmentWithDirector(db);
    const draft = await createDraft(db, establishment.id, wave, { complete: true });
    dossier = { applicationId: draft.id, establishmentId: establishment.id, cookie: await sessionCookie(db, director.userId) };
    files = await mkdtemp(path.join(tmpdir(), "hospiconnect-ended-"));
    proxy = await startEndingProxy(url);
    // No job worker: the transactions the proxy ends are the requests'.
    app = await startApp({ DATABASE_URL: proxy.url, STORAGE_DIR: files, RUN_JOBS: "false" });
  });

  afterEach((context) => {
    if (context.task.result?.state === "fail") console.log(app?.lines.slice(-60).join("\n"));
  });

  afterAll(async () => {
    await app?.kill();
    await proxy?.close();
    await db?.$disconnect();
    await cluster?.destroy();
    if (files) await rm(files, { recursive: true, force: true });
  });

  const request = async (method: string, pathname: string, json?: unknown) => {
    const response = await fetch(`${app.url}${pathname}`, {
      method,
      redirect: "manual",
      headers: { Cookie: dossier.cookie, Origin: app.url, ...(json ? { "Content-Type": "application/json" } : {}) },
      body: json ? JSON.stringify(json) : undefined,
    });
    return { status: response.status, body: await response.text() };
  };
  const page = () => request("GET", `/dossiers/${dossier.applicationId}`);
  const saveProject = async (projectTitle: string) => {
    const section = await db.applicationSection.findUnique({
      where: { applicationId_section: { applicationId: dossier.applicationId, section: "PROJECT" } },
      select: { version: true },
    });
    return request("PUT", `/api/applications/${dossier.applicationId}/sections/project`, {
      expectedVersion: section?.version ?? 0,
      data: { projectTitle, projectSummary: "" },
    });
  };
  const addProfessional = (lastName: string) =>
    request("POST", `/api/establishments/${dossier.establishmentId}/roster/professionals`, professionalFormInput(lastName));
  const professionalsNamed = (lastName: string) => db.professional.count({ where: { establishmentId: dossier.establishmentId, lastName } });

  it("answers the next request normally, and starts again a transaction whose BEGIN met one", async () => {
    // Enough requests at once for the pool to hold several connections.
    expect((await Promise.all(Array.from({ length: 6 }, page))).map((outcome) => outcome.status)).toEqual(Array(6).fill(200));

    // Every session ended between requests: the next page's reads meet them.
    proxy.endOpenConnections();
    const next = await page();
    expect(next.status, next.body.slice(0, 300)).toBe(200);

    // A section's save and a professional added to the roster each write in a transaction.
    const endedBefore = proxy.ended();
    proxy.endAtNextBegin();
    const saved = await saveProject("Titre enregistré après une bascule");
    expect(saved.status, saved.body.slice(0, 300)).toBe(200);
    proxy.endAtNextBegin();
    const added = await addProfessional("APRES-BASCULE");
    expect(added.status, added.body.slice(0, 300)).toBe(200);
    expect(proxy.ended() - endedBefore).toBe(2);
    expect(await professionalsNamed("APRES-BASCULE")).toBe(1);
    expect(await db.application.findUniqueOrThrow({ where: { id: dossier.applicationId }, select: { projectTitle: true } })).toEqual({
      projectTitle: "Titre enregistré après une bascule",
    });
  });

  it("never runs again a transaction whose connection ended after it began: « réessayez », nothing written", async () => {
    proxy.endAfterNextBegin();
    const cut = await addProfessional("COUPE");
    expect(cut.status, cut.body.slice(0, 300)).toBe(503);
    expect(JSON.parse(cut.body).error).toMatchObject({ code: "UNAVAILABLE" });
    expect(await professionalsNamed("COUPE")).toBe(0);
    // The user's retry goes through, once.
    expect((await addProfessional("COUPE")).status).toBe(200);
    expect(await professionalsNamed("COUPE")).toBe(1);
  });
});
