import { defineRoute } from "@/lib/http/define-route";
import { fileResponse } from "@/lib/http/file-response";
import { RouteParam } from "@/lib/http/route-params";
import { exportIndicatorHistory, ZIndicatorHistoryDownload } from "@/lib/roster/export-indicator-history";

/** Every reading of the establishment's indicators, CSV or Excel. */
export const GET = defineRoute({
  params: { establishmentId: RouteParam.id },
  input: ZIndicatorHistoryDownload,
  handler: async ({ viewer, input, params, ip }) => {
    const file = await exportIndicatorHistory(viewer, { establishmentId: params.establishmentId, format: input.format, ip });
    return fileResponse(file.bytes, file.fileName, file.mimeType);
  },
});
