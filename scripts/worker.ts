// npm run worker: the background jobs alone (e-mails, reminders, daily indicators, clean-ups), for
// deployments that run them apart from the web instances (set RUN_JOBS=false on those).
// Any number of workers may run: each scheduled occurrence still runs once (ADR 0011).
// Uses DATABASE_URL, or the embedded database of a running `npm start`.
import { env } from "@/lib/config/env";
import { connectDb } from "@/lib/db/client";
import { logUnhandledRejections } from "@/lib/jobs/unhandled-rejections";
import { startJobs, stopJobs } from "@/lib/jobs/worker";
import { logger } from "@/lib/observability/logger";
import { migrateAsOwner, withDatabase } from "./lib/database";

// pg-boss's unawaited writes fail unhandled in an outage: logged, the worker goes on.
logUnhandledRejections();

await withDatabase(async (url) => {
  await migrateAsOwner(url);
  const db = connectDb(url, env.DATABASE_POOL_SIZE);
  await startJobs({ connectionString: url, work: true, schedules: env.JOB_SCHEDULES });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    for (const name of ["SIGINT", "SIGTERM"] as const) process.once(name, () => resolve(name));
  });
  logger.info({ signal }, "job worker stopping: running jobs get 10 s to finish");
  await stopJobs(10_000);
  await db.$disconnect();
});
process.exit(0);
