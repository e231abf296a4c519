/** Marks the run of an export queued again after its worker died: a second death is not run again. */
export const RUN_AFTER_DEATH = "afterWorkerDied";

/**
 * What follows the death of an export's run (its worker killed mid-export, ADR 0011): the export is
 * run once more, a second death fails it (an export that kills its worker, out of memory, would
 * kill the next one too). A run of every waiting export names none: the exports it left running
 * are failed by the hourly clean-up (`expireExports`), the others wait for the next run.
 */
export function exportAfterDeath(data: Record<string, unknown>): { exportId: string; then: "run again" | "fail" } | null {
  if (typeof data.exportId !== "string") return null;
  return { exportId: data.exportId, then: data[RUN_AFTER_DEATH] === true ? "fail" : "run again" };
}
