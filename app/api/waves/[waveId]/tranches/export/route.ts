import { z } from "zod";
import { exportTranchesToOrder } from "@/lib/follow-up/export-tranches-to-order";
import { defineRoute } from "@/lib/http/define-route";
import { fileResponse } from "@/lib/http/file-response";
import { RouteParam } from "@/lib/http/route-params";
import { ZFileFormat } from "@/lib/export/file-format";

const ZExportQuery = z.object({ format: ZFileFormat });

/** The wave's tranches to order, as CSV or Excel. */
export const GET = defineRoute({
  params: { waveId: RouteParam.id },
  input: ZExportQuery,
  handler: async ({ viewer, input, params, ip }) => {
    const file = await exportTranchesToOrder(viewer, { waveId: params.waveId, format: input.format, ip });
    return fileResponse(file.bytes, file.fileName, file.mimeType);
  },
});
