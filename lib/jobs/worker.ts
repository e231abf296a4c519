import type { PoolConfig } from "pg";
import PgBoss from "pg-boss";
import { env } from "@/lib/config/env";
import { errorFields, logger } from "@/lib/observability/logger";
import { withLogContext } from "@/lib/observability/request-id";
import { isDatabaseTimeout, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { JobLiveness } from "./liveness";
import { JOBS, type JobDefinition, type JobName } from "./registry";
import { effectiveSchedules } from "./schedules";

/** pg-boss keeps its tables in this schema, beside the app's (ADR 0011). */
export const JOB_SCHEMA = "pgboss";
export const JOB_TIME_ZONE = "Europe/Paris";

/**
 * pg-boss hands its settings on to its pg pool, which takes these too (pg-boss's types leave them
 * out). Without them a database the network cuts off (no reset, unlike a restart) would hold a
 * connection attempt for the kernel's SYN retries (about 2 min) and a query for its retransmissions
 * (about 15 min): the work loops, the start's next attempt and a request queuing a job would wait as
 * long. A connection waits as long as the app's own pool lets a request wait; a query, far longer
 * than any of pg-boss's takes (a timed-out connection leaves the pool).
 */
const POOL_TIMEOUTS: Pick<PoolConfig, "connectionTimeoutMillis" | "query_timeout"> = {
  connectionTimeoutMillis: env.DATABASE_ACQUIRE_TIMEOUT_MS,
  query_timeout: 60_000,
};

type Runtime = { boss: PgBoss; jobs: readonly JobDefinition[]; liveness?: JobLiveness };

// Kept on globalThis: Next.js may load this module in several bundles (instrumentation, routes),
// and a process must still have one queue client.
const holder = globalThis as unknown as {
  hospiconnectJobs?: Promise<Runtime>;
  /**
   * How this process starts its queue, set by `startJobs`: runs asked for while the queue is away
   * are kept until it is back, and a job queued meanwhile starts the queue this way (see enqueueJob).
   */
  hospiconnectJobsStart?: StartJobsOptions;
};

export type StartJobsOptions = {
  connectionString: string;
  /** Run the jobs here (the worker); false: only queue them (a web instance beside `npm run worker`). */
  work: boolean;
  /** Cron replacements (JOB_SCHEDULES). */
  schedules?: string;
  /** The registry (tests add a job of their own). */
  jobs?: readonly JobDefinition[];
};

/**
 * Starts this process's job queue client: pg-boss on the app's PostgreSQL (its schema is created
 * or upgraded first, under pg-boss's own lock). With `work`, it also keeps the registry's schedules
 * and works every queue: each occurrence of a schedule becomes one job however many instances
 * run, a job is taken by one worker only, and a failure is retried with exponential back-off.
 */
export function startJobs(options: StartJobsOptions): Promise<Runtime> {
  holder.hospiconnectJobsStart = options;
  return runtimeOpenedWith(options);
}

/** The process's queue client, opened with `options` unless it is open or opening already. */
function runtimeOpenedWith(options: StartJobsOptions): Promise<Runtime> {
  holder.hospiconnectJobs ??= open(options).catch((error: unknown) => {
    holder.hospiconnectJobs = undefined;
    throw error;
  });
  return holder.hospiconnectJobs;
}

async function open(options: StartJobsOptions): Promise<Runtime> {
  const jobs = options.jobs ?? (JOBS as readonly JobDefinition[]);
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: JOB_SCHEMA,
    application_name: options.work ? "hospiconnect-worker" : "hospiconnect-web",
    max: options.work ? 4 : 2,
    migrate: true,
    supervise: options.work,
    schedule: options.work,
    // Failed jobs stay readable by programme managers for a month.
    deleteAfterDays: 30,
    // pg-boss's defaults (30 s, then 5 s to queue an occurrence) unless a drill shortens them.
    cronMonitorIntervalSeconds: env.JOB_SCHEDULE_CHECK_SECONDS,
    cronWorkerIntervalSeconds: Math.min(5, env.JOB_SCHEDULE_CHECK_SECONDS),
    ...POOL_TIMEOUTS,
  });
  // pg-boss reports the database's absences here (a restart): logged, and it carries on.
  boss.on("error", (error) => logger.warn(errorFields(error), "job queue: database error"));
  let liveness: JobLiveness | undefined;
  try {
    await boss.start();
    await createQueues(boss, jobs);
    if (options.work) {
      // Before the work loops: on the embedded database it fails the runs a dead process left active.
      liveness = await JobLiveness.open({
        connectionString: options.connectionString,
        schema: JOB_SCHEMA,
        boss,
        queues: jobs.map((job) => job.name),
        connection: POOL_TIMEOUTS,
        sweepIntervalMs: env.JOB_SWEEP_INTERVAL_SECONDS * 1000,
        sweepGraceSeconds: env.JOB_SWEEP_GRACE_SECONDS,
        abandoned: (run) => runAgainAfterDeath(boss, jobs, run),
      });
      const schedules = effectiveSchedules(jobs, options.schedules);
      for (const job of jobs) {
        const cron = schedules.get(job.name);
        if (cron) await boss.schedule(job.name, cron, {}, { tz: JOB_TIME_ZONE });
        else await boss.unschedule(job.name);
        await boss.work<Record<string, unknown>>(job.name, { pollingIntervalSeconds: 1, batchSize: 1 }, ([claimed]) =>
          claimed ? runHeld(liveness!, job, claimed) : Promise.resolve(),
        );
      }
      logger.info({ jobs: jobs.map((job) => job.name), smtp: Boolean(env.SMTP_URL) }, "job worker started");
    }
  } catch (error) {
    // Started half-way (the database went away meanwhile), it would keep its cron clock, its
    // maintenance and some work loops running beside the next attempt's client.
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    await liveness?.close();
    throw error;
  }
  return { boss, jobs, liveness };
}

/** Runs a claimed job under its liveness lock (see liveness.ts), unless it was given up as dead meanwhile. */
async function runHeld(liveness: JobLiveness, job: JobDefinition, claimed: PgBoss.Job<Record<string, unknown>>): Promise<unknown> {
  if (!(await liveness.hold(job.name, claimed.id))) {
    logger.warn({ job: `${job.name}:${claimed.id}` }, "job run given up before it started: not run");
    return { skipped: "given up as dead before it started" };
  }
  try {
    return await runJob(job, claimed);
  } finally {
    await liveness.release(claimed.id);
  }
}

/** A run whose process died has been failed (retried per its queue): its job may ask for a new run of its own. */
async function runAgainAfterDeath(boss: PgBoss, jobs: readonly JobDefinition[], run: { name: string; data: Record<string, unknown> }) {
  const again = await jobs.find((job) => job.name === run.name)?.afterDeath?.(run.data);
  if (again) await boss.send(run.name, again);
}

/** Creates (a new queue is a table of pg-boss's) or updates each job's queue. */
async function createQueues(boss: PgBoss, jobs: readonly JobDefinition[]): Promise<void> {
  for (const job of jobs) {
    const queue = {
      // « short »: one waiting copy, any number running; « stately »: one of each.
      policy: job.overlapSafe ? "short" : job.schedule ? "stately" : "standard",
      retryLimit: job.retry.limit,
      retryDelay: job.retry.delaySeconds,
      retryBackoff: true,
      expireInSeconds: job.expireInSeconds,
    } as const;
    await boss.createQueue(job.name, { name: job.name, ...queue });
    await boss.updateQueue(job.name, { name: job.name, ...queue });
  }
}

/**
 * Installs or upgrades pg-boss's schema and creates the registry's queues, as the owner of the
 * database (the migration step, ADR 0036): a runtime role may not create tables. Members of the
 * runtime group then read and write the queue's tables, those of queues added later included.
 */
export async function installJobQueue(connectionString: string, jobs = JOBS as readonly JobDefinition[]): Promise<void> {
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 1, migrate: true, supervise: false, schedule: false });
  boss.on("error", (error) => logger.warn(errorFields(error), "job queue installation: database error"));
  await boss.start();
  try {
    await createQueues(boss, jobs);
    await boss.getDb().executeSql(
      `DO $$ BEGIN
      IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'hospiconnect_runtime') THEN
        GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO hospiconnect_runtime;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO hospiconnect_runtime;
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_SCHEMA} TO hospiconnect_runtime;
        ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOB_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hospiconnect_runtime;
      END IF;
    END $$`,
      [],
    );
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

async function runJob(job: JobDefinition, claimed: PgBoss.Job<Record<string, unknown>>): Promise<unknown> {
  return withLogContext({ job: `${job.name}:${claimed.id}` }, async () => {
    const started = Date.now();
    try {
      const result = await job.run({ data: claimed.data ?? {}, now: new Date() });
      logger.info({ durationMs: Date.now() - started, result }, "job completed");
      // pg-boss keeps an object as the job's output.
      return typeof result === "object" && result !== null ? result : { result };
    } catch (error) {
      logger.error({ durationMs: Date.now() - started, ...errorFields(error) }, "job failed");
      // pg-boss cannot record the failure of a run the database's absence cut short: the run stays
      // « active » until it expires, and is retried only then. A sweep is asked for again instead,
      // sent once the database is back (the receipts of submissions made before the outage).
      if (job.schedule && isDatabaseUnavailable(error) && !isDatabaseTimeout(error)) request(job.name);
      throw error;
    }
  });
}

/** Stops the queue client: running jobs are given `timeoutMs` to finish. */
export async function stopJobs(timeoutMs = 10_000): Promise<void> {
  const runtime = await holder.hospiconnectJobs?.catch(() => undefined);
  holder.hospiconnectJobs = undefined;
  holder.hospiconnectJobsStart = undefined;
  requested.clear();
  await runtime?.boss.stop({ graceful: true, timeout: timeoutMs, wait: true });
  await runtime?.liveness?.close();
}

/**
 * Queues an on-demand job (or an extra run of a scheduled one). The job runs on whichever worker
 * takes it; the caller does not wait for it. When the process's queue is not up (its start failed in
 * an outage, and the next attempt is due), the job starts it as the process does: a client that
 * only queued would be the one the next attempt gets, and the process's worker would never run.
 */
export async function enqueueJob(name: JobName, data: Record<string, unknown> = {}): Promise<string | null> {
  const runtime = await runtimeOpenedWith(holder.hospiconnectJobsStart ?? { connectionString: databaseUrl(), work: false });
  if (!runtime.jobs.some((job) => job.name === name)) throw new Error(`Unknown job ${name}`);
  return runtime.boss.send(name, data);
}

function databaseUrl(): string {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: the job queue needs the app's database.");
  return env.DATABASE_URL;
}

/** Requests of a run gathered into one send: a deadline's rush asks hundreds of times a second. */
const GATHER_MS = 100;
/** While the queue is away (a database outage, a worker still starting), runs asked for wait this long between attempts. */
const RESEND_MS = 2_000;
const requested = new Set<string>();
let sending: NodeJS.Timeout | undefined;

/**
 * Asks for a scheduled job to run now rather than at its next occurrence: call it after committing
 * a change that gave the job work. The queue holds at most one waiting run, which will see all the
 * work added meanwhile; the requests of the next 100 ms share one send, made after all of them (so
 * after their commits). A request the queue cannot take yet (the database is away, the queue is
 * still starting) is kept and sent again every 2 s until it is taken: only a crash of the process
 * loses it, and the job's schedule then catches its work. Does nothing in a process without a job
 * queue (scripts, tests).
 */
export function requestRun(name: JobName): void {
  request(name);
}

function request(name: string): void {
  if (!holder.hospiconnectJobsStart) return;
  requested.add(name);
  sending ??= setTimeout(() => void sendRequested(), GATHER_MS).unref();
}

async function sendRequested(): Promise<void> {
  const runtime = await holder.hospiconnectJobs?.catch(() => undefined);
  let failed = runtime === undefined;
  for (const name of runtime ? [...requested] : []) {
    try {
      // Null: a run already waits, and will see the work.
      await runtime!.boss.send(name, {});
      requested.delete(name);
    } catch (error) {
      failed = true;
      logger.warn({ job: name, ...errorFields(error) }, `job run could not be queued, next attempt in ${RESEND_MS / 1000} s`);
    }
  }
  sending = requested.size > 0 ? setTimeout(() => void sendRequested(), failed ? RESEND_MS : GATHER_MS).unref() : undefined;
}

/** Asks for the outbox to be delivered now (after committing e-mails), when there is an SMTP server. */
export function requestDelivery(): void {
  if (env.SMTP_URL) requestRun("outbox-delivery");
}
