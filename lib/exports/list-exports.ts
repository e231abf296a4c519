import { dossierFiltersSummary } from "@/lib/applications/dossier-filter-words";
import { ZDossierFilters } from "@/lib/applications/list-dossiers";
import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { exportJobsVisibleTo } from "@/lib/access/visibility";
import { db } from "@/lib/db/client";
import type { ExportStatus } from "@/lib/db/generated/enums";
import { formatParisDateTime } from "@/lib/time/paris";
import { EXPORT_STATUS_LABELS, type ExportView, isPending } from "./export-status";
import { isExpired, progressPercent } from "./threshold";

export const LISTED_EXPORTS = 50;

/**
 * The viewer's latest background exports, newest first, each with its filters in words (the list
 * page's labels). An export past its 48 hours shows as expired even before the clean-up runs.
 */
export async function listOwnExports(viewer: Viewer, now = new Date()): Promise<ExportView[]> {
  requirePermission(viewer, "programme:export");
  const rows = await db.exportJob.findMany({
    where: exportJobsVisibleTo(viewer),
    orderBy: { createdAt: "desc" },
    take: LISTED_EXPORTS,
    select: {
      id: true,
      fileName: true,
      filters: true,
      status: true,
      rowsDone: true,
      rowsTotal: true,
      createdAt: true,
      expiresAt: true,
      error: true,
    },
  });
  const filtersOf = new Map(rows.map((row) => [row.id, ZDossierFilters.safeParse(row.filters ?? {}).data ?? ZDossierFilters.parse({})]));
  const waveIds = [...new Set([...filtersOf.values()].flatMap((filters) => (filters.wave ? [filters.wave] : [])))];
  const waves = waveIds.length === 0 ? [] : await db.wave.findMany({ where: { id: { in: waveIds } }, select: { id: true, title: true } });
  const titleOf = new Map(waves.map((wave) => [wave.id, wave.title]));
  return rows.map((row) => {
    const filters = filtersOf.get(row.id)!;
    const status: ExportStatus = row.status === "READY" && isExpired(row.expiresAt, now) ? "EXPIRED" : row.status;
    return {
      id: row.id,
      fileName: row.fileName,
      filters: dossierFiltersSummary(filters, filters.wave ? (titleOf.get(filters.wave) ?? null) : null),
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
