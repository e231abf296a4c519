import { ZDecisionBoardFilters } from "@/lib/decisions/board-rows";
import { exportDecisions } from "@/lib/decisions/export-decisions";
import { defineRoute } from "@/lib/http/define-route";
import { fileResponse } from "@/lib/http/file-response";
import { RouteParam } from "@/lib/http/route-params";
import { ZFileFormat } from "@/lib/export/file-format";

const ZExportQuery = ZDecisionBoardFilters.extend({ format: ZFileFormat });

/** The decisions board, with its filters and order, as CSV or Excel. */
export const GET = defineRoute({
  params: { waveId: RouteParam.id },
  input: ZExportQuery,
  handler: async ({ viewer, input: { format, ...filters }, params, ip }) => {
    const file = await exportDecisions(viewer, { waveId: params.waveId, filters, format, ip });
    return fileResponse(file.bytes, file.fileName, file.mimeType);
  },
});
