import { errorFields, logger } from "@/lib/observability/logger";
import { startJobs, type StartJobsOptions } from "./worker";

const RETRY_MS = 3_000;

/**
 * Starts the job queue beside the web server without holding it up: a database that is not
 * reachable yet is tried again every few seconds, while pages answer 503 meanwhile.
 */
export function startJobsWhenReachable(options: StartJobsOptions): void {
  startJobs(options).catch((error: unknown) => {
    logger.warn(errorFields(error), "job queue not started, next attempt in 3 s");
    setTimeout(() => startJobsWhenReachable(options), RETRY_MS).unref();
  });
}
