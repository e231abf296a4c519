import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { databaseUrl, resetDatabase, testDb } from "@/test/integration/database";
import { databaseOutage } from "@/test/integration/database-outage";
import { getJobsOverview } from "./job-runs";
import { JOBS, type JobDefinition } from "./registry";
import { enqueueJob, JOB_SCHEMA, requestRun, startJobs, stopJobs } from "./worker";
import { establishmentWithDirector, insertRoster, programmeManager, ROSTER_CASES } from "@/test/factories";

/**
 * The job queue on the integration database (the embedded PostgreSQL, or TEST_DATABASE_URL): the
 * registry's jobs run through pg-boss, a failing job is retried with back-off, then shown to
 * programme managers as failed. Scheduling across two instances: test/system/two-instances.
 */
const FAILING: JobDefinition = {
  name: "test-always-fails",
  label: "Tâche de test",
  retry: { limit: 1, delaySeconds: 1 },
  expireInSeconds: 60,
  run: async () => {
    attempts += 1;
    throw new Error("Serveur distant injoignable");
  },
};
let attempts = 0;

/** A job whose runs are counted: one of them is left « active » by a process that died. */
const COUNTED: JobDefinition = {
  name: "test-counted",
  label: "Tâche de test comptée",
  retry: { limit: 1, delaySeconds: 1 },
  expireInSeconds: 3_600,
  run: async () => {
    countedRuns += 1;
  },
};
let countedRuns = 0;
const TEST_JOBS = [...(JOBS as readonly JobDefinition[]), FAILING, COUNTED];

describe("job queue", () => {
  beforeAll(async () => {
    await resetDatabase();
    await startJobs({ connectionString: databaseUrl, work: true, jobs: TEST_JOBS });
  });
  afterAll(() => stopJobs());

  it("runs a queued job on a worker", async () => {
    const { establishment } = await establishmentWithDirector(testDb);
    await insertRoster(testDb, establishment.id, ROSTER_CASES.slice(0, 3));
    expect(await enqueueJob("daily-snapshots")).not.toBeNull();
    await expect
      .poll(
        () => testDb.indicatorSnapshot.findMany({ where: { establishmentId: establishment.id }, select: { reason: true, active: true } }),
        { timeout: 20_000, interval: 250 },
      )
      .toEqual([{ reason: "DAILY", active: 3 }]);
  });

  it("retries a failing job with back-off, then shows it to programme managers as failed", async () => {
    const runtime = await startJobs({ connectionString: databaseUrl, work: true });
    await runtime.boss.send(FAILING.name, {});
    const manager = await programmeManager(testDb);
    await expect
      .poll(async () => (await getJobsOverview(manager)).failedRuns.find((run) => run.name === FAILING.name)?.state, {
        timeout: 20_000,
        interval: 250,
      })
      .toBe("failed");
    expect(attempts).toBe(2);
    const failed = (await getJobsOverview(manager)).failedRuns.find((run) => run.name === FAILING.name)!;
    expect(failed).toMatchObject({ attempts: 2, error: "Serveur distant injoignable", label: "test-always-fails" });
  });

  const overlapSafe = JOBS.filter((job) => "overlapSafe" in job).map((job) => job.name);

  it.each(overlapSafe)("runs %s again while an earlier run, caught in a database outage, is still marked as running", async (name) => {
    const runtime = await startJobs({ connectionString: databaseUrl, work: true });
    // The queue holds one waiting run: one the schedule queued meanwhile (a slow machine) is taken
    // first, then ours is accepted. A stuck run that blocked the queue would refuse the next for good.
    const accepted = async (send: () => Promise<string | null>): Promise<string> => {
      let id = await send();
      for (const giveUpAt = Date.now() + 20_000; id === null && Date.now() < giveUpAt; id = await send()) await sleep(250);
      expect(id).not.toBeNull();
      return id!;
    };
    // pg-boss could not record the end of a run the outage interrupted: it stays « active » until it expires.
    const stuck = await accepted(() => runtime.boss.send(name, {}, { startAfter: new Date(Date.now() + 3_600_000) }));
    await testDb.$executeRawUnsafe(`UPDATE ${JOB_SCHEMA}.job SET state = 'active', started_on = now() WHERE id = $1::uuid`, stuck);
    const next = await accepted(() => enqueueJob(name));
    await expect.poll(async () => (await runtime.boss.getJobById(name, next))?.state, { timeout: 20_000, interval: 250 }).toBe("completed");
    // Still there: active, or given up meanwhile by a liveness sweep (no process holds its lock), to be retried.
    expect(["active", "retry"]).toContain((await runtime.boss.getJobById(name, stuck))?.state);
  });

  // On PostgreSQL another worker's sweep (every 15 s or so) gives it up; on the embedded database, the worker's start.
  it(
    "gives up a run whose process died instead of leaving it active until it expires, and its queue retries it",
    { timeout: 60_000 },
    async () => {
      const runtime = await startJobs({ connectionString: databaseUrl, work: true, jobs: TEST_JOBS });
      // Taken a minute ago by a worker that has died since: no session holds its lock.
      const dead = (await runtime.boss.send(COUNTED.name, {}, { startAfter: new Date(Date.now() + 3_600_000) }))!;
      await testDb.$executeRawUnsafe(
        `UPDATE ${JOB_SCHEMA}.job SET state = 'active', started_on = now() - interval '1 minute' WHERE id = $1::uuid`,
        dead,
      );
      // This process's worker restarts, as after the death of the one before.
      await stopJobs();
      const { boss } = await startJobs({ connectionString: databaseUrl, work: true, jobs: TEST_JOBS });
      await expect
        .poll(async () => (await boss.getJobById(COUNTED.name, dead))?.state, { timeout: 45_000, interval: 250 })
        .toBe("completed");
      expect(countedRuns).toBe(1);
    },
  );

  it("lets the receipts' and the outbox's runs overlap", () => {
    expect(overlapSafe).toEqual(["outbox-delivery", "submission-receipts"]);
  });

  it("keeps a run asked for while the queue could not start, and sends it once the queue is up", async () => {
    await stopJobs();
    // Nothing listens on port 1: the start fails, as in a database outage.
    await expect(startJobs({ connectionString: "postgresql://postgres@127.0.0.1:1/absent", work: true })).rejects.toThrow();
    const { establishment } = await establishmentWithDirector(testDb);
    await insertRoster(testDb, establishment.id, ROSTER_CASES.slice(0, 2));
    requestRun("daily-snapshots");
    // The request's first send finds no queue.
    await sleep(500);
    // The job's schedule out of the way (29 February at midnight): only the kept request runs it.
    await startJobs({ connectionString: databaseUrl, work: true, schedules: "daily-snapshots=0 0 29 2 *" });
    await expect
      .poll(
        () => testDb.indicatorSnapshot.findMany({ where: { establishmentId: establishment.id }, select: { reason: true, active: true } }),
        { timeout: 20_000, interval: 250 },
      )
      .toEqual([{ reason: "DAILY", active: 2 }]);
  });

  it("starts the worker the process wants when a job is queued between a failed start and the next attempt", async () => {
    await stopJobs();
    const outage = await databaseOutage(databaseUrl);
    const appDatabaseUrl = env.DATABASE_URL;
    // The app's own start (instrumentation.ts): its database, a worker, the schedule out of the way.
    env.DATABASE_URL = outage.url;
    const options = { connectionString: outage.url, work: true, schedules: "daily-snapshots=0 0 29 2 *" };
    try {
      await expect(startJobs(options)).rejects.toThrow();
      const { establishment } = await establishmentWithDirector(testDb);
      await insertRoster(testDb, establishment.id, ROSTER_CASES.slice(0, 2));
      // « Lancer maintenant » while the database is still away: refused.
      await expect(enqueueJob("daily-snapshots")).rejects.toThrow();
      await outage.end();
      // Again once it is back, before the next attempt of the start (3 s later in the app): queued.
      expect(await enqueueJob("daily-snapshots")).not.toBeNull();
      await startJobs(options);
      await expect
        .poll(
          () => testDb.indicatorSnapshot.findMany({ where: { establishmentId: establishment.id }, select: { reason: true, active: true } }),
          { timeout: 20_000, interval: 250 },
        )
        .toEqual([{ reason: "DAILY", active: 2 }]);
    } finally {
      await stopJobs();
      await outage.close();
      env.DATABASE_URL = appDatabaseUrl;
    }
  });

  it("gives up a start the network leaves unanswered instead of waiting for it", async () => {
    await stopJobs();
    const outage = await databaseOutage(databaseUrl, "silent");
    try {
      const started = Date.now();
      await expect(startJobs({ connectionString: outage.url, work: true })).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await stopJobs();
      await outage.close();
    }
  });
});
