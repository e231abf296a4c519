/**
 * One of the dashboard's tables as a file (CSV or XLSX), under the page's filters: the same
 * figures as the table under the chart (`tables.ts`). Figures only, no personal data; audited like
 * every export. The file's name carries the filters (`table-file-name.ts`).
 *
 * Public API: `ZDashboardTableDownload`, `exportDashboardTable`.
 */
import { z } from "zod";
import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { figureTableToCsv, figureTableToXlsx } from "@/lib/export/figure-table";
import { ZDashboardFilters } from "./filters";
import { loadProgrammeDashboard } from "./get-programme-dashboard";
import { dashboardTableFileName } from "./table-file-name";
import { dashboardTable, type DashboardTableId } from "./tables";
import { FILE_MIME_TYPES, ZFileFormat } from "@/lib/export/file-format";

export const ZDashboardTableDownload = ZDashboardFilters.extend({ format: ZFileFormat });

export async function exportDashboardTable(
  viewer: Viewer,
  input: { table: DashboardTableId; filters: z.infer<typeof ZDashboardTableDownload>; ip: string | null },
): Promise<{ bytes: Uint8Array; fileName: string; mimeType: string }> {
  requirePermission(viewer, "programme:export");
  const { format, ...filters } = input.filters;
  const data = await loadProgrammeDashboard(db, filters, new Date());
  const table = dashboardTable(data, input.table);
  const waveTitle = data.waves.find((wave) => wave.id === filters.vague)?.title ?? null;
  const bytes = format === "csv" ? figureTableToCsv(table) : await figureTableToXlsx(table, table.caption);
  await recordAudit(db, {
    actor: auditActor(viewer),
    action: "dashboard.exported",
    ip: input.ip,
    details: { table: input.table, format, filters },
  });
  return { bytes, fileName: dashboardTableFileName(input.table, filters, waveTitle, format), mimeType: FILE_MIME_TYPES[format] };
}
