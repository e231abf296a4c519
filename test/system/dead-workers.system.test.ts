import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { enqueueJob, JOB_SCHEMA, startJobs, stopJobs } from "@/lib/jobs/worker";
import { createUser } from "@/test/factories";
import { logEntries, startWorker, type WorkerProcess } from "./app-process";
import { type PostgresCluster, startPostgresCluster } from "./postgres-cluster";

/**
 * A worker killed in the middle of a job (SIGKILL, out of memory, a container stopped): its run is
 * given up by another worker within the sweep's interval and done again, instead of staying
 * « active » until it expires (an hour for an export); a worker alive is never robbed of its run,
 * however long it takes (ADR 0011, amendment of 7 December 2026).
 */

/**
 * Sweeps every second (± 25 %) of runs older than 2 s, instead of every 15 s of runs older than
 * 10 s: the same sweep, many more of them in a drill's time.
 */
const SWEEP_SETTINGS = { JOB_SWEEP_INTERVAL_SECONDS: "1", JOB_SWEEP_GRACE_SECONDS: "2" };
describe("a worker that dies mid-job", () => {
  let cluster: PostgresCluster;
  let url: string;
  let db: Db;
  let files: string;
  let managerId: string;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    files = await mkdtemp(path.join(tmpdir(), "hospiconnect-dead-workers-"));
    url = await cluster.createDatabase("app");
    await migrateDatabase(url);
    db = createDb(url, 2);
    managerId = (await createUser(db)).id;
    // This process only queues, as a web instance beside `npm run worker` does.
    await startJobs({ connectionString: url, work: false });
  });

  afterEach(async (context) => {
    // What the workers logged is what explains a failed drill.
    if (context.task.result?.state === "fail") for (const worker of workers) console.log(worker.lines.slice(-40).join("\n"));
    await Promise.all(workers.splice(0).map((worker) => worker.kill("SIGKILL")));
  });

  afterAll(async () => {
    await stopJobs();
    await db?.$disconnect();
    await cluster?.destroy();
    if (files) await rm(files, { recursive: true, force: true });
  });

  const worker = async (settings: Record<string, string> = {}) => {
    // No lock or statement timeout: a run waits for the test's row lock as long as the test holds it.
    const started = await startWorker({
      DATABASE_URL: url,
      STORAGE_DIR: files,
      DATABASE_LOCK_TIMEOUT_MS: "0",
      DATABASE_STATEMENT_TIMEOUT_MS: "0",
      ...SWEEP_SETTINGS,
      ...settings,
    });
    workers.push(started);
    return started;
  };

  /** A background export of every dossier, waiting, and its run queued. */
  async function queuedExport(): Promise<{ exportId: string; jobId: string }> {
    const { id } = await db.exportJob.create({
      data: {
        requestedById: managerId,
        filters: { sort: "recent" },
        format: "CSV",
        rowsTotal: 0,
        fileName: "dossiers.csv",
        expiresAt: new Date(Date.now() + 48 * 3_600_000),
      },
    });
    const jobId = await enqueueJob("dossier-export", { exportId: id });
    return { exportId: id, jobId: jobId! };
  }

  /** Holds the export's row locked: its run, which claims the row first, waits until `release`. */
  async function blockExport(exportId: string): Promise<{ release: () => Promise<void> }> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("BEGIN");
    await client.query(`SELECT 1 FROM "ExportJob" WHERE id = $1 FOR UPDATE`, [exportId]);
    return {
      async release() {
        await client.query("COMMIT");
        await client.end();
      },
    };
  }

  const jobRuns = async (exportId: string) =>
    (
      await db.$queryRawUnsafe<Array<{ state: string }>>(
        `SELECT state FROM ${JOB_SCHEMA}.job WHERE name = 'dossier-export' AND data->>'exportId' = $1 ORDER BY created_on`,
        exportId,
      )
    ).map((run) => run.state);
  const jobState = async (jobId: string) =>
    (await db.$queryRawUnsafe<Array<{ state: string }>>(`SELECT state FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid`, jobId))[0]?.state;
  const exportStatus = async (exportId: string) => (await db.exportJob.findUniqueOrThrow({ where: { id: exportId } })).status;

  it("runs again, on another worker, the export of a worker killed while it ran it", async () => {
    const first = await worker();
    const { exportId, jobId } = await queuedExport();
    const block = await blockExport(exportId);
    try {
      await expect.poll(() => jobState(jobId), { timeout: 30_000, interval: 250 }).toBe("active");
      await worker();
      await first.kill("SIGKILL");
    } finally {
      await block.release();
    }
    const killedAt = Date.now();
    // The other worker finds the run's process gone, gives it up and runs the export again.
    await expect.poll(() => exportStatus(exportId), { timeout: 60_000, interval: 250 }).toBe("READY");
    console.log(`export ready ${Math.round((Date.now() - killedAt) / 1000)} s after its worker was killed`);
    const ready = await db.exportJob.findUniqueOrThrow({ where: { id: exportId } });
    expect(ready.storageKey).not.toBeNull();
    expect(ready.error).toBeNull();
    expect(await jobState(jobId)).toBe("failed");
  });

  it("never gives up the run of a worker alive, however long it waits", async () => {
    await worker();
    const { exportId, jobId } = await queuedExport();
    const block = await blockExport(exportId);
    try {
      await expect.poll(() => jobState(jobId), { timeout: 30_000, interval: 250 }).toBe("active");
      // Its sweeps logged (at debug level), to wait for them.
      const other = await worker({ LOG_LEVEL: "debug" });
      // Long enough for the other worker to look at the run, past its grace, in several sweeps.
      const sweepsOfTheRun = () =>
        logEntries(other).filter((entry) => entry.msg === "job liveness sweep" && Number(entry.active) > 0).length;
      // A run given up ends the wait at once: the state below says so.
      await expect
        .poll(async () => sweepsOfTheRun() > 2 || (await jobState(jobId)) !== "active", { timeout: 60_000, interval: 250 })
        .toBe(true);
      expect(await jobState(jobId)).toBe("active");
    } finally {
      await block.release();
    }
    await expect.poll(() => exportStatus(exportId), { timeout: 30_000, interval: 250 }).toBe("READY");
    expect(await jobRuns(exportId)).toEqual(["completed"]);
  });
});
