/**
 * Next.js calls `register` once when the server starts, in the Node.js runtime only, and never
 * while `next build` prerenders pages: every console line and process warning becomes a JSON log line, and the
 * background jobs start (the worker itself unless RUN_JOBS=false, where `npm run worker` runs apart).
 */
export async function register(): Promise<void> {
  /* eslint-disable no-restricted-properties -- set by Next.js itself (NEXT_RUNTIME is inlined per runtime), not settings of ours */
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  /* eslint-enable no-restricted-properties */
  const { routeServerOutputToLogger } = await import("@/lib/observability/logger");
  routeServerOutputToLogger();
  const { env } = await import("@/lib/config/env");
  if (!env.DATABASE_URL) return;
  const { startJobsWhenReachable } = await import("@/lib/jobs/start-in-app");
  startJobsWhenReachable({ connectionString: env.DATABASE_URL, work: env.RUN_JOBS === "true", schedules: env.JOB_SCHEDULES });
}
