import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { enqueueJob, JOB_SCHEMA, startJobs, stopJobs } from "@/lib/jobs/worker";
import { createUser } from "@/test/factories";
import { startApp, startWorker, type WorkerProcess } from "./app-process";
import { type PostgresCluster, startPostgresCluster } from "./postgres-cluster";

/**
 * A worker through a PostgreSQL restart that cuts a job short: pg-boss records the end of a run
 * without awaiting it, and with the database away that promise fails unhandled, which Node.js 20
 * turns into a crash by default. `npm run worker`, and `next start` running its jobs in-app, log it
 * and go on working once the server is back; the run cut short is given up and run again.
 */
const STARTS = [
  { process: "npm run worker", database: "worker", start: startWorker },
  { process: "next start with its jobs in-app", database: "app", start: startApp },
];

/** The run cut short is given up by the next sweep once the server is back: sweeps every second, not every 15 s. */
const SWEEP_SETTINGS = { JOB_SWEEP_INTERVAL_SECONDS: "1", JOB_SWEEP_GRACE_SECONDS: "2" };

// One server for both drills, a database each: each drill starts it again before it ends.
let cluster: PostgresCluster;

beforeAll(async () => {
  cluster = await startPostgresCluster();
});

afterAll(async () => {
  await cluster?.destroy();
});

describe.each(STARTS)("$process through a restart that cuts a job short", ({ database, start }) => {
  let url: string;
  let db: Db;
  let files: string;
  let worker: WorkerProcess | undefined;
  let serverDown = false;

  beforeAll(async () => {
    files = await mkdtemp(path.join(tmpdir(), "hospiconnect-worker-outage-"));
    url = await cluster.createDatabase(database);
    await migrateDatabase(url);
    db = createDb(url, 2);
    await startJobs({ connectionString: url, work: false });
  });

  afterEach((context) => {
    // What the worker logged is what explains a failed drill.
    if (context.task.result?.state === "fail") console.log(worker?.lines.slice(-40).join("\n"));
  });

  afterAll(async () => {
    await worker?.kill("SIGKILL");
    if (serverDown) cluster.start();
    await stopJobs();
    await db?.$disconnect();
    if (files) await rm(files, { recursive: true, force: true });
  });

  async function queuedExport(requestedById: string): Promise<{ exportId: string; jobId: string }> {
    const { id } = await db.exportJob.create({
      data: {
        requestedById,
        filters: { sort: "recent" },
        format: "CSV",
        rowsTotal: 0,
        fileName: "dossiers.csv",
        expiresAt: new Date(Date.now() + 48 * 3_600_000),
      },
    });
    return { exportId: id, jobId: (await enqueueJob("dossier-export", { exportId: id }))! };
  }

  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it("logs the failure it could not record, stays up, and works again once the server is back", async () => {
    const manager = await createUser(db);
    // No lock or statement timeout: the run waits on the test's row lock until the server stops.
    worker = await start({
      DATABASE_URL: url,
      STORAGE_DIR: files,
      DATABASE_LOCK_TIMEOUT_MS: "0",
      DATABASE_STATEMENT_TIMEOUT_MS: "0",
      ...SWEEP_SETTINGS,
    });
    const { exportId, jobId } = await queuedExport(manager.id);
    const blocker = new pg.Client({ connectionString: url });
    blocker.on("error", () => undefined);
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`SELECT 1 FROM "ExportJob" WHERE id = $1 FOR UPDATE`, [exportId]);
    await expect
      .poll(
        async () =>
          (await db.$queryRawUnsafe<Array<{ state: string }>>(`SELECT state FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid`, jobId))[0]?.state,
        { timeout: 30_000, interval: 250 },
      )
      .toBe("active");

    // The server stops under the run: its statement fails, and so does pg-boss's record of it.
    cluster.stop("fast");
    serverDown = true;
    await blocker.end().catch(() => undefined);
    await expect.poll(() => worker!.lines.some((line) => line.includes('"msg":"job failed"')), { timeout: 30_000 }).toBe(true);
    // pg-boss's unawaited write of that failure fails, and is logged rather than fatal.
    await expect
      .poll(() => worker!.lines.some((line) => /unhandled ?rejection/i.test(line)), { timeout: 30_000, interval: 100 })
      .toBe(true);
    cluster.start();
    serverDown = false;
    expect(alive(worker.pid), worker.lines.slice(-20).join("\n")).toBe(true);

    // Still working: the next export is written, and the one cut short is run again.
    const next = await queuedExport(manager.id);
    for (const id of [next.exportId, exportId])
      await expect
        .poll(async () => (await db.exportJob.findUniqueOrThrow({ where: { id } })).status, { timeout: 60_000, interval: 500 })
        .toBe("READY");
  });
});
