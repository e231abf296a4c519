import { randomInt } from "node:crypto";
import pg from "pg";
import type PgBoss from "pg-boss";
import { errorFields, logger } from "@/lib/observability/logger";

/**
 * The first key of the two-key advisory locks that say a job's run is alive ("JOBS" in ASCII).
 * PostgreSQL keeps two-key locks apart from one-key (bigint) ones, such as `lockUntilCommit`'s and
 * pg-boss's own: they never meet.
 */
export const RUN_LOCK_NAMESPACE = 0x4a4f4253;
/** The probe at start, apart from every run's key. */
const PROBE_LOCK_NAMESPACE = RUN_LOCK_NAMESPACE + 1;

const RELOCK_MS = 1_000;

/** What « Tâches de fond » shows of a run given up because its process died. */
export const DEAD_WORKER_MESSAGE =
  "Le processus qui exécutait cette tâche s'est arrêté avant la fin (arrêt brutal, manque de mémoire ou serveur arrêté) : l'exécution est abandonnée.";

export type AbandonedRun = { id: string; name: string; data: Record<string, unknown> };

export type JobLivenessOptions = {
  connectionString: string;
  /** pg-boss's schema, whose job table lists the runs. */
  schema: string;
  boss: PgBoss;
  /** The queues whose runs are watched (the registry's). */
  queues: readonly string[];
  /** Settings of both connections (time limits). */
  connection?: Omit<pg.ClientConfig, "connectionString">;
  /**
   * How often this worker looks for runs whose process died (with a random spread, so workers take
   * turns): JOB_SWEEP_INTERVAL_SECONDS.
   */
  sweepIntervalMs: number;
  /** A run younger than this is left alone: its worker may not have taken its lock yet (JOB_SWEEP_GRACE_SECONDS). */
  sweepGraceSeconds: number;
  /** After a run whose process died has been failed (and so retried per its queue's policy). */
  abandoned: (run: AbandonedRun) => Promise<void>;
};

type Runtime = { id: string; name: string; data: Record<string, unknown> | null; started: string };

/**
 * Tells runs whose process died from runs that go on, on PostgreSQL with any number of workers
 * (ADR 0011, amendment of 7 December 2026). A worker holds one connection of its own; before
 * running a job's body it takes a session advisory lock named after the job's id there, and
 * releases it after. A process that dies (SIGKILL, out of memory, a container stopped) loses its
 * session, and the server its locks. Every worker sweeps the active runs of the registry's queues
 * now and then: a run older than a few seconds whose lock it can take has no live owner, and is
 * failed through pg-boss (so retried per its queue's policy) instead of staying « active » until
 * it expires (up to an hour). If the lock connection itself drops (an outage), the locks are taken
 * again as soon as it is back; meanwhile another worker may take a run for dead and run it again:
 * the jobs are safe to run twice (registry.ts).
 *
 * On the embedded database every connection shares one backend, whose advisory locks are
 * reentrant: a sweep could not tell. One process works its queue there, so a run still active when
 * the worker starts is a dead process's: it is failed then, and nothing is swept afterwards.
 */
export class JobLiveness {
  private readonly held = new Set<string>();
  private holder?: { client: pg.Client; locked: Set<string> };
  private connecting?: Promise<{ client: pg.Client; locked: Set<string> }>;
  private relock?: NodeJS.Timeout;
  private sweepTimer?: NodeJS.Timeout;
  private stopped = false;
  private readonly sweeper: pg.Pool;

  private constructor(
    private readonly options: JobLivenessOptions,
    /** False on the embedded database (one backend for every connection). */
    readonly sessionsApart: boolean,
  ) {
    this.sweeper = new pg.Pool({
      ...options.connection,
      connectionString: options.connectionString,
      application_name: "hospiconnect-worker-liveness",
      max: 1,
      // Kept from one sweep to the next.
      idleTimeoutMillis: 2 * options.sweepIntervalMs,
    });
    // An idle connection the server ended: the pool drops it; logged, not a crash.
    this.sweeper.on("error", (error) => logger.warn(errorFields(error), "job liveness: database error"));
  }

  /** Opens the worker's lock connection, and on the embedded database fails the runs left active. */
  static async open(options: JobLivenessOptions): Promise<JobLiveness> {
    const probe = new JobLiveness(options, true);
    let holder: { client: pg.Client; locked: Set<string> } | undefined;
    let apart: boolean;
    try {
      holder = await probe.connect();
      apart = await sessionsKeepTheirLocks(holder.client, probe.sweeper);
    } catch (error) {
      await Promise.all([probe.close(), holder?.client.end().catch(() => undefined)]);
      throw error;
    }
    if (apart) {
      probe.holder = holder;
      probe.scheduleSweep();
      return probe;
    }
    const embedded = new JobLiveness(options, false);
    await Promise.all([probe.close(), holder.client.end().catch(() => undefined)]);
    try {
      await embedded.giveUp(await embedded.activeRuns(0));
    } catch (error) {
      await embedded.close();
      throw error;
    }
    return embedded;
  }

  /**
   * Takes the lock of a run about to start. False: the run was given up meanwhile (another worker
   * took it for dead before its lock was taken), and must not start. A lock connection that is away
   * does not hold the run back: the lock is taken once it is back.
   */
  async hold(name: string, id: string): Promise<boolean> {
    if (!this.sessionsApart) return true;
    this.held.add(id);
    try {
      const holder = await this.holderConnection();
      await lockRun(holder, id);
      const { rows } = await holder.client.query<{ active: boolean }>(
        `SELECT state = 'active' AS active FROM ${this.options.schema}.job WHERE name = $1 AND id = $2::uuid`,
        [name, id],
      );
      if (rows[0]?.active) return true;
      await this.release(id);
      return false;
    } catch (error) {
      logger.warn(
        { job: `${name}:${id}`, ...errorFields(error) },
        "job liveness: run lock not taken, taken again once the database is back",
      );
      this.relockSoon();
      return true;
    }
  }

  /** Releases the lock of a run that ended. */
  async release(id: string): Promise<void> {
    this.held.delete(id);
    const holder = this.holder;
    if (!holder?.locked.delete(id)) return;
    await holder.client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [RUN_LOCK_NAMESPACE, id]).catch(() => undefined);
  }

  /** Looks once for runs whose process died, and fails them. Returns how many. */
  async sweep(): Promise<number> {
    const runs = await this.activeRuns(this.options.sweepGraceSeconds);
    const dead: Runtime[] = [];
    for (const run of runs) if (!this.held.has(run.id) && (await this.failIfDead(run))) dead.push(run);
    logger.debug({ active: runs.length, abandoned: dead.length }, "job liveness sweep");
    await this.afterGivingUp(dead);
    return dead.length;
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.sweepTimer);
    clearTimeout(this.relock);
    const holder = this.holder ?? (await this.connecting?.catch(() => undefined));
    this.holder = undefined;
    await Promise.all([holder?.client.end().catch(() => undefined), this.sweeper.end().catch(() => undefined)]);
  }

  private async activeRuns(olderThanSeconds: number): Promise<Runtime[]> {
    const { rows } = await this.sweeper.query<Runtime>(
      `SELECT id::text, name, data, started_on::text AS started FROM ${this.options.schema}.job
       WHERE state = 'active' AND name = ANY($1::text[]) AND started_on < now() - $2 * interval '1 second'`,
      [this.options.queues, olderThanSeconds],
    );
    return rows;
  }

  /**
   * Fails `run` if no live session holds its lock, in one transaction that holds the lock and the
   * job's row: a run that ended or started again meanwhile (another `started_on`) is left alone.
   */
  private async failIfDead(run: Runtime): Promise<boolean> {
    const client = await this.sweeper.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ free: boolean }>("SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS free", [
        RUN_LOCK_NAMESPACE,
        run.id,
      ]);
      const same =
        rows[0]?.free &&
        (
          await client.query(
            `SELECT 1 FROM ${this.options.schema}.job WHERE name = $1 AND id = $2::uuid AND state = 'active' AND started_on = $3::timestamptz FOR UPDATE`,
            [run.name, run.id, run.started],
          )
        ).rowCount === 1;
      if (same) await this.options.boss.fail(run.name, run.id, { message: DEAD_WORKER_MESSAGE }, { db: transactionDb(client) });
      await client.query("COMMIT");
      return Boolean(same);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The embedded database: the runs left active by the process before are failed, unchecked. */
  private async giveUp(runs: Runtime[]): Promise<void> {
    for (const run of runs) await this.options.boss.fail(run.name, run.id, { message: DEAD_WORKER_MESSAGE });
    await this.afterGivingUp(runs);
  }

  private async afterGivingUp(runs: Runtime[]): Promise<void> {
    for (const run of runs) {
      logger.warn({ job: `${run.name}:${run.id}`, startedAt: run.started }, "job run given up: its process died");
      await this.options
        .abandoned({ id: run.id, name: run.name, data: run.data ?? {} })
        .catch((error: unknown) =>
          logger.error({ job: `${run.name}:${run.id}`, ...errorFields(error) }, "job run given up: its follow-up failed"),
        );
    }
  }

  private scheduleSweep(): void {
    if (this.stopped) return;
    const delay = this.options.sweepIntervalMs * (0.75 + Math.random() / 2);
    this.sweepTimer = setTimeout(() => {
      this.sweep()
        .catch((error: unknown) => logger.warn(errorFields(error), "job liveness sweep failed, next one soon"))
        .finally(() => this.scheduleSweep());
    }, delay).unref();
  }

  private holderConnection(): Promise<{ client: pg.Client; locked: Set<string> }> {
    if (this.holder) return Promise.resolve(this.holder);
    this.connecting ??= this.connect()
      .then(async (holder) => {
        // The runs that went on while the connection was away take their locks again.
        try {
          for (const id of this.held) await lockRun(holder, id);
        } catch (error) {
          await holder.client.end().catch(() => undefined);
          throw error;
        }
        this.holder = holder;
        return holder;
      })
      .finally(() => {
        this.connecting = undefined;
      });
    return this.connecting;
  }

  private async connect(): Promise<{ client: pg.Client; locked: Set<string> }> {
    const client = new pg.Client({
      ...this.options.connection,
      connectionString: this.options.connectionString,
      application_name: "hospiconnect-worker-liveness",
      keepAlive: true,
    });
    const holder = { client, locked: new Set<string>() };
    const lost = (error?: Error) => {
      if (error) logger.warn(errorFields(error), "job liveness: lock connection lost");
      if (this.holder !== holder) return;
      this.holder = undefined;
      void client.end().catch(() => undefined);
      this.relockSoon();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    await client.connect();
    return holder;
  }

  private relockSoon(): void {
    if (this.stopped || this.relock || this.held.size === 0) return;
    this.relock = setTimeout(() => {
      this.relock = undefined;
      if (this.stopped || this.held.size === 0) return;
      this.holderConnection().catch((error: unknown) => {
        logger.warn(errorFields(error), "job liveness: lock connection not back yet");
        this.relockSoon();
      });
    }, RELOCK_MS).unref();
  }
}

/**
 * Session settings of the lock connection: idle for as long as the longest run, it must not be
 * ended by an idle-session limit, and a worker's host that vanished without closing it (a machine
 * lost) is found out by the server within about a minute, not the system's two hours. Those the
 * server does not know (idle_session_timeout came with PostgreSQL 14) are left out.
 */
const HOLDER_SETTINGS: ReadonlyArray<readonly [string, string]> = [
  ["idle_session_timeout", "0"],
  ["idle_in_transaction_session_timeout", "0"],
  ["tcp_keepalives_idle", "30"],
  ["tcp_keepalives_interval", "10"],
  ["tcp_keepalives_count", "3"],
];

/**
 * Whether a session's advisory lock keeps another session out: true on PostgreSQL; false on the
 * embedded database, whose connections share one backend. The lock connection is then set up.
 */
async function sessionsKeepTheirLocks(holder: pg.Client, other: pg.Pool): Promise<boolean> {
  const key = randomInt(2 ** 31 - 1);
  await holder.query("SELECT pg_advisory_lock($1, $2)", [PROBE_LOCK_NAMESPACE, key]);
  const { rows } = await other.query<{ taken: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS taken", [PROBE_LOCK_NAMESPACE, key]);
  if (rows[0]?.taken) {
    await other.query("SELECT pg_advisory_unlock($1, $2)", [PROBE_LOCK_NAMESPACE, key]);
    await holder.query("SELECT pg_advisory_unlock($1, $2)", [PROBE_LOCK_NAMESPACE, key]);
    return false;
  }
  await holder.query("SELECT pg_advisory_unlock($1, $2)", [PROBE_LOCK_NAMESPACE, key]);
  await holder.query(
    `SELECT set_config(wanted.name, wanted.value, false) FROM unnest($1::text[], $2::text[]) AS wanted(name, value)
     WHERE wanted.name IN (SELECT name FROM pg_settings)`,
    [HOLDER_SETTINGS.map(([name]) => name), HOLDER_SETTINGS.map(([, value]) => value)],
  );
  return true;
}

const LOCK_ATTEMPTS = 10;
const LOCK_RETRY_MS = 100;

/**
 * Takes a run's lock on the worker's connection. Another session holds it only for a moment (a
 * sweep checking a run) or by a clash of the 32-bit hashes of two runs' ids: then, after a second,
 * the run goes on without its lock (a sweep may then run it again, which the jobs allow).
 */
async function lockRun(holder: { client: pg.Client; locked: Set<string> }, id: string): Promise<void> {
  if (holder.locked.has(id)) return;
  for (let attempt = 1; attempt <= LOCK_ATTEMPTS; attempt += 1) {
    const { rows } = await holder.client.query<{ taken: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS taken", [
      RUN_LOCK_NAMESPACE,
      id,
    ]);
    if (rows[0]?.taken) {
      holder.locked.add(id);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
  }
  logger.warn({ runId: id }, "job liveness: run lock held by another session, the run goes on without it");
}

/** pg-boss's commands, run on the sweep's transaction. */
function transactionDb(client: pg.PoolClient): PgBoss.Db {
  return { executeSql: (text, values) => client.query(text, values) };
}
