import { z } from "zod";
import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { JOBS, jobDefinition, type JobDefinition, type JobName } from "./registry";
import { effectiveSchedules } from "./schedules";
import { enqueueJob, JOB_SCHEMA } from "./worker";
import { env } from "@/lib/config/env";

export type FailedJobRun = {
  id: string;
  name: string;
  label: string;
  /** "retry": failed, another attempt is planned at `nextAttemptAt`; "failed": no attempt left. */
  state: "retry" | "failed";
  attempts: number;
  error: string;
  startedAt: Date | null;
  failedAt: Date | null;
  nextAttemptAt: Date | null;
};

export type JobOverview = {
  name: string;
  label: string;
  schedule: string | null;
  lastCompletedAt: Date | null;
  waiting: number;
  failed: number;
};

const FAILED_RUNS_SHOWN = 100;

/** pg-boss creates its tables when a worker first starts: before that, there is nothing to read. */
async function queueInstalled(): Promise<boolean> {
  const [row] = await db.$queryRawUnsafe<Array<{ installed: boolean }>>(`SELECT to_regclass('${JOB_SCHEMA}.job') IS NOT NULL AS installed`);
  return row?.installed ?? false;
}

/**
 * What programme managers see of the background work: each job with its schedule, its last
 * success and what waits, and the runs that failed (those still being retried, and those that
 * used all their attempts), newest first, with their error.
 */
export async function getJobsOverview(viewer: Viewer): Promise<{ jobs: JobOverview[]; failedRuns: FailedJobRun[] }> {
  requirePermission(viewer, "jobs:manage");
  const schedules = effectiveSchedules(JOBS, env.JOB_SCHEDULES);
  const labelOf = (name: string) => jobDefinition(name)?.label ?? name;
  const installed = await queueInstalled();
  const [stats, failed] = installed
    ? await Promise.all([
        db.$queryRawUnsafe<Array<{ name: string; last_completed: Date | null; waiting: number; failed: number }>>(`
          SELECT name, max(completed_on) FILTER (WHERE state = 'completed') AS last_completed,
                 count(*) FILTER (WHERE state IN ('created', 'retry', 'active'))::int AS waiting,
                 count(*) FILTER (WHERE state = 'failed')::int AS failed
          FROM (SELECT name, state, completed_on FROM ${JOB_SCHEMA}.job UNION ALL SELECT name, state, completed_on FROM ${JOB_SCHEMA}.archive) runs
          GROUP BY name`),
        db.$queryRawUnsafe<
          Array<{
            id: string;
            name: string;
            state: "retry" | "failed";
            retry_count: number;
            output: { message?: string } | null;
            started_on: Date | null;
            completed_on: Date | null;
            start_after: Date;
          }>
        >(`
          SELECT id, name, state, retry_count, output, started_on, completed_on, start_after
          FROM (SELECT id, name, state, retry_count, output, started_on, completed_on, start_after FROM ${JOB_SCHEMA}.job WHERE state IN ('retry', 'failed')
                UNION ALL SELECT id, name, state, retry_count, output, started_on, completed_on, start_after FROM ${JOB_SCHEMA}.archive WHERE state = 'failed') runs
          WHERE name NOT LIKE '\\_\\_pgboss%'
          ORDER BY coalesce(completed_on, started_on, start_after) DESC
          LIMIT ${FAILED_RUNS_SHOWN}`),
      ])
    : [[], []];
  const statsOf = new Map(stats.map((row) => [row.name, row]));
  return {
    jobs: (JOBS as readonly JobDefinition[]).map((job) => {
      const cron = schedules.get(job.name);
      const row = statsOf.get(job.name);
      return {
        name: job.name,
        label: job.label,
        schedule:
          cron === undefined ? null : cron === job.schedule?.cron ? job.schedule.label : `Planification « ${cron} » (heure de Paris)`,
        lastCompletedAt: row?.last_completed ?? null,
        waiting: row?.waiting ?? 0,
        failed: row?.failed ?? 0,
      };
    }),
    failedRuns: failed.map((run) => ({
      id: run.id,
      name: run.name,
      label: labelOf(run.name),
      state: run.state,
      // pg-boss counts the retries: the first attempt is not one.
      attempts: run.retry_count + 1,
      error: run.output?.message ?? "Erreur sans message",
      startedAt: run.started_on,
      failedAt: run.state === "failed" ? run.completed_on : null,
      nextAttemptAt: run.state === "retry" ? run.start_after : null,
    })),
  };
}

export const ZRelaunchJobInput = z.object({ name: z.enum(JOBS.map((job) => job.name) as [JobName, ...JobName[]]) });

/** Queues a new run of a job now (after a failure has been dealt with), audited. */
export async function relaunchJob(
  viewer: Viewer,
  input: z.infer<typeof ZRelaunchJobInput>,
  ip: string | null,
): Promise<{ queued: boolean }> {
  requirePermission(viewer, "jobs:manage");
  const id = await enqueueJob(input.name);
  await recordAudit(db, { actor: auditActor(viewer), action: "job.relaunched", ip, details: { job: input.name, queued: id !== null } });
  if (id === null)
    throw new AppError("CONFLICT", "Une exécution de cette tâche est déjà en attente : elle partira dans quelques instants.");
  return { queued: true };
}
