import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { exportJobsVisibleTo } from "@/lib/access/visibility";
import { db } from "@/lib/db/client";
import type { ExportStatus } from "@/lib/db/generated/enums";
import { formatParisDateTime } from "@/lib/time/paris";
import { EXPORT_STATUS_LABELS, type ExportView, isPending } from "./export-status";
import { isExpired, progressPercent } from "./threshold";

export const LISTED_EXPORTS = 50;

/** The viewer's latest background exports, newest first. An export past its 48 hours shows as expired even before the clean-up runs. */
export async function listOwnExports(viewer: Viewer, now = new Date()): Promise<ExportView[]> {
  requirePermission(viewer, "programme:export");
  const rows = await db.exportJob.findMany({
    where: exportJobsVisibleTo(viewer),
    orderBy: { createdAt: "desc" },
    take: LISTED_EXPORTS,
    select: { id: true, fileName: true, status: true, rowsDone: true, rowsTotal: true, createdAt: true, expiresAt: true, error: true },
  });
  return rows.map((row) => {
    const status: ExportStatus = row.status === "READY" && isExpired(row.expiresAt, now) ? "EXPIRED" : row.status;
    return {
      id: row.id,
      fileName: row.fileName,
      status,
      statusLabel: EXPORT_STATUS_LABELS[status],
      pending: isPending(status),
      rowsDone: row.rowsDone,
      rowsTotal: row.rowsTotal,
      percent: status === "READY" ? 100 : progressPercent(row.rowsDone, row.rowsTotal),
      requestedAt: formatParisDateTime(row.createdAt),
      expiresAt: formatParisDateTime(row.expiresAt),
      downloadable: status === "READY",
      error: row.error,
    };
  });
}
