import { exportDashboardTable, ZDashboardTableDownload } from "@/lib/dashboard/export-dashboard-table";
import { ZDashboardTableId } from "@/lib/dashboard/tables";
import { defineRoute } from "@/lib/http/define-route";
import { fileResponse } from "@/lib/http/file-response";

/** One table of the programme's dashboard as CSV or XLSX, under the page's filters. */
export const GET = defineRoute({
  params: { table: ZDashboardTableId },
  input: ZDashboardTableDownload,
  handler: async ({ viewer, input, params, ip }) => {
    const file = await exportDashboardTable(viewer, { table: params.table, filters: input, ip });
    return fileResponse(file.bytes, file.fileName, file.mimeType);
  },
});
