import { db } from "@/lib/db/client";
import type { FileStorage } from "@/lib/storage";
import { STALE_FAILURE_MESSAGE } from "./export-status";

/** Longer than the `dossier-export` job's longest run: a worker stopped in the middle of it. */
export const STALE_RUN_MS = 2 * 3_600_000;
const BATCH = 500;

/**
 * The `expire-exports` job (ADR 0019): deletes the files of exports past their 48 hours and marks
 * them expired (the row stays: who exported what, and when), and marks failed an export whose
 * run was cut by a stopped worker. Safe to run twice: an expired export has no file left.
 */
export async function expireExports(storage: FileStorage, now = new Date()): Promise<{ expired: number; interrupted: number }> {
  let expired = 0;
  for (;;) {
    const due = await db.exportJob.findMany({
      where: { expiresAt: { lte: now }, status: { not: "EXPIRED" } },
      take: BATCH,
      select: { id: true, storageKey: true },
    });
    for (const exportJob of due) {
      if (exportJob.storageKey) await storage.delete(exportJob.storageKey);
      await db.exportJob.update({ where: { id: exportJob.id }, data: { status: "EXPIRED", storageKey: null } });
    }
    expired += due.length;
    if (due.length < BATCH) break;
  }
  const interrupted = await db.exportJob.updateMany({
    where: { status: "RUNNING", startedAt: { lt: new Date(now.getTime() - STALE_RUN_MS) } },
    data: { status: "FAILED", error: STALE_FAILURE_MESSAGE, finishedAt: now },
  });
  return { expired, interrupted: interrupted.count };
}
