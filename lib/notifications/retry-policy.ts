/**
 * When to try an e-mail again after its SMTP delivery failed: soon at first (a server restarting),
 * then less and less often, and after MAX_ATTEMPTS no more (the outbox page shows it as failed,
 * with the last error, for a programme manager to act on).
 */
const MINUTE_MS = 60_000;

/** Wait after the 1st, 2nd… failure: 1 min, 5 min, 15 min, 1 h, 3 h, 6 h, 12 h. */
const DELAYS_MINUTES = [1, 5, 15, 60, 180, 360, 720] as const;

export const MAX_ATTEMPTS = DELAYS_MINUTES.length + 1;

/** A worker holds an e-mail this long while sending it; past that, it is considered abandoned. */
export const SENDING_LEASE_MS = 2 * MINUTE_MS;

/** The next attempt after `attempts` failed ones, or null when it is time to give up. */
export function nextAttemptAfterFailure(attempts: number, failedAt: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const delay = DELAYS_MINUTES[Math.min(Math.max(0, attempts - 1), DELAYS_MINUTES.length - 1)]!;
  return new Date(failedAt.getTime() + delay * MINUTE_MS);
}
