/**
 * When an export leaves the request (ADR 0019): up to `threshold` rows it is streamed to the
 * browser at once; above, it is written in the background and kept for `EXPORT_RETENTION_HOURS`.
 * The threshold is `EXPORT_BACKGROUND_THRESHOLD` (2,000 by default; the end-to-end server lowers it).
 *
 * Public API: `ExportMode`, `exportMode`, `EXPORT_RETENTION_HOURS`, `exportExpiry`, `isExpired`,
 * `progressPercent`.
 */
export type ExportMode = "direct" | "background";

export function exportMode(rows: number, threshold: number): ExportMode {
  return rows > threshold ? "background" : "direct";
}

export const EXPORT_RETENTION_HOURS = 48;

/** When a file made at `from` is deleted. */
export function exportExpiry(from: Date): Date {
  return new Date(from.getTime() + EXPORT_RETENTION_HOURS * 3_600_000);
}

export function isExpired(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() <= now.getTime();
}

/** Whole percent done, within 0–100 (dossiers added while it runs can make `done` pass `total`). */
export function progressPercent(done: number, total: number): number {
  if (total <= 0) return done > 0 ? 100 : 0;
  return Math.min(100, Math.floor((100 * done) / total));
}
