/**
 * The cron of each scheduled job: the registry's, or the one JOB_SCHEDULES gives it
 * (`name=cron;name=cron`). A name the registry does not know stops the process with a message
 * rather than leaving a job silently on its old schedule; pg-boss refuses a cron that does not parse.
 */
export function effectiveSchedules(
  jobs: ReadonlyArray<{ name: string; schedule?: { cron: string } }>,
  overrides: string | undefined,
): Map<string, string> {
  const schedules = new Map<string, string>();
  for (const job of jobs) if (job.schedule) schedules.set(job.name, job.schedule.cron);
  for (const entry of (overrides ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [name, cron] = entry.split("=").map((part) => part.trim());
    if (!name || !cron || !jobs.some((job) => job.name === name)) {
      throw new Error(`JOB_SCHEDULES: « ${entry} » does not name a job (${jobs.map((job) => job.name).join(", ")}).`);
    }
    schedules.set(name, cron);
  }
  return schedules;
}
