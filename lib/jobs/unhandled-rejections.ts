import { errorFields, logger } from "@/lib/observability/logger";

/**
 * Logs a promise that failed with nobody to catch it, and lets the process go on. pg-boss 10 records
 * the end of a run without awaiting it (`complete`, `fail` in its manager): with the database away
 * at that moment (a restart) that write fails unhandled, and Node.js 20 ends the process on an
 * unhandled rejection by default. `npm run worker` would stop at each outage, and its jobs with it;
 * the run itself is settled once the database is back (liveness.ts, or its expiry). `next start`
 * already logs them and goes on (Next.js's own listener), so only the worker's script calls this.
 */
export function logUnhandledRejections(): void {
  process.on("unhandledRejection", (reason) => logger.error(errorFields(reason), "unhandled rejection: logged, the process goes on"));
}
