/**
 * One of the dashboard's tables as a file (CSV or XLSX), under the page's filters: the same
 * figures as the table under the chart (`tables.ts`). Figures only, no personal data; audited like
 * every export.
 *
 * Public API: `ZDashboardTableDownload`, `exportDashboardTable`.
 */
import { z } from "zod";
import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { figureTableToCsv, figureTableToXlsx } from "@/lib/export/figure-table";
import { parisToday } from "@/lib/roster/dates";
import { ZDashboardFilters } from "./filters";
import { loadProgrammeDashboard } from "./get-programme-dashboard";
import { dashboardTable, type DashboardTableId } from "./tables";
import { FILE_MIME_TYPES, ZFileFormat } from "@/lib/export/file-format";

export const ZDashboardTableDownload = ZDashboardFilters.extend({ format: ZFileFormat });

export async function exportDashboardTable(
  viewer: Viewer,
  input: { table: DashboardTableId; filters: z.infer<typeof ZDashboardTableDownload>; ip: string | null },
): Promise<{ bytes: Uint8Array; fileName: string; mimeType: string }> {
  requirePermission(viewer, "programme:export");
  const { format, ...filters } = input.filters;
  const table = dashboardTable(await loadProgrammeDashboard(db, filters, new Date()), input.table);
  const bytes = format === "csv" ? figureTableToCsv(table) : await figureTableToXlsx(table, table.caption);
  await recordAudit(db, {
    actor: auditActor(viewer),
    action: "dashboard.exported",
    ip: input.ip,
    details: { table: input.table, format, filters },
  });
  return { bytes, fileName: `tableau-de-bord-${input.table}-${parisToday()}.${format}`, mimeType: FILE_MIME_TYPES[format] };
}
