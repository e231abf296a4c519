import { describe, expect, it } from "vitest";
import { JOBS } from "./registry";
import { effectiveSchedules } from "./schedules";

describe("job schedules", () => {
  it("are the registry's unless JOB_SCHEDULES replaces some", () => {
    const schedules = effectiveSchedules(JOBS, " daily-snapshots = 5 1 * * * ; expire-stale-imports=0 4 * * *");
    expect(schedules.get("daily-snapshots")).toBe("5 1 * * *");
    expect(schedules.get("expire-stale-imports")).toBe("0 4 * * *");
    expect(schedules.get("outbox-delivery")).toBe("* * * * *");
    expect([...effectiveSchedules(JOBS, undefined).keys()].sort()).toEqual(
      JOBS.filter((job) => "schedule" in job)
        .map((job) => job.name)
        .sort(),
    );
  });

  it("refuses a name that no job has", () => {
    expect(() => effectiveSchedules(JOBS, "daily-snapshot=5 1 * * *")).toThrow(/daily-snapshot=5 1/);
    expect(() => effectiveSchedules(JOBS, "daily-snapshots")).toThrow(/does not name a job/);
  });
});
