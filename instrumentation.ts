/**
 * Next.js calls `register` once when the server starts, in the Node.js runtime only, and never
 * while `next build` prerenders pages: each response is followed so that a page meeting a database
 * outage can be answered 503 (lib/http/page-outage.ts), every console line and process warning becomes a JSON log line, and the
 * background jobs start (the worker itself unless RUN_JOBS=false, where `npm run worker` runs apart).
 */
export async function register(): Promise<void> {
  /* eslint-disable no-restricted-properties -- set by Next.js itself (NEXT_RUNTIME is inlined per runtime), not settings of ours */
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  /* eslint-enable no-restricted-properties */
  const { followResponses } = await import("@/lib/http/page-outage");
  followResponses();
  const { routeServerOutputToLogger } = await import("@/lib/observability/logger");
  routeServerOutputToLogger();
  const { env } = await import("@/lib/config/env");
  if (!env.DATABASE_URL) return;
  const { startJobsWhenReachable } = await import("@/lib/jobs/start-in-app");
  startJobsWhenReachable({ connectionString: env.DATABASE_URL, work: env.RUN_JOBS === "true", schedules: env.JOB_SCHEDULES });
}

/**
 * A page whose rendering met a database outage was the error page (500): it is answered the
 * French 503 page instead (lib/http/page-outage.ts), as are the requests after it. And nothing
 * else told the proxy: with the server refusing new connections (every slot taken), its kept probe
 * connection said « up » and every page stayed the error page. As route handlers do
 * (lib/http/define-route.ts), the outage is reported, so that the next requests wait for a probe
 * and get the French 503 page until the database serves again. A timeout is a busy database, not
 * an absent one: told to retry, but no gate.
 */
export async function onRequestError(error: unknown): Promise<void> {
  /* eslint-disable-next-line no-restricted-properties -- set by Next.js itself, as in register() */
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { isDatabaseTimeout, isDatabaseUnavailable } = await import("@/lib/db/unavailable");
  if (!isDatabaseUnavailable(error)) return;
  const { answerPageUnavailable } = await import("@/lib/http/page-outage");
  answerPageUnavailable();
  if (isDatabaseTimeout(error)) return;
  const { reportDatabaseUnavailable } = await import("@/lib/db/availability");
  reportDatabaseUnavailable(error);
}
