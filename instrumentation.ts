/**
 * Next.js calls `register` once when the server starts: the background worker (e-mail delivery,
 * deadline reminders) starts with the app, in the Node.js runtime only, and only where there is a
 * database, never while `next build` prerenders pages.
 */
export async function register(): Promise<void> {
  /* eslint-disable no-restricted-properties -- set by Next.js itself (NEXT_RUNTIME is inlined per runtime), not settings of ours */
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  /* eslint-enable no-restricted-properties */
  const { env } = await import("@/lib/config/env");
  if (!env.DATABASE_URL) return;
  const { startBackgroundJobs } = await import("@/lib/jobs/worker");
  startBackgroundJobs();
}
