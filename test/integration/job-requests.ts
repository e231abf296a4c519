import { vi } from "vitest";
import type * as Worker from "@/lib/jobs/worker";

/**
 * The job queue as an integration test that runs no job sees it, for
 * `vi.mock("@/lib/jobs/worker", () => import("@/test/integration/job-requests"))`: what a use case
 * asks of the queue is recorded (`vi.mocked(requestDelivery)`), nothing is queued. A mock built on
 * the real module would load the jobs' registry, whose use cases import the queue back: those
 * loaded meanwhile would keep the real functions.
 */
export const JOB_SCHEMA: typeof Worker.JOB_SCHEMA = "pgboss";
export const JOB_TIME_ZONE: typeof Worker.JOB_TIME_ZONE = "Europe/Paris";
export const startJobs = vi.fn<typeof Worker.startJobs>();
export const installJobQueue = vi.fn<typeof Worker.installJobQueue>();
export const stopJobs = vi.fn<typeof Worker.stopJobs>();
export const enqueueJob = vi.fn<typeof Worker.enqueueJob>();
export const requestRun = vi.fn<typeof Worker.requestRun>();
export const requestDelivery = vi.fn<typeof Worker.requestDelivery>();
