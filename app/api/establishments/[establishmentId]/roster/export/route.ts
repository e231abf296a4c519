import { z } from "zod";
import { defineRoute } from "@/lib/http/define-route";
import { fileResponse } from "@/lib/http/file-response";
import { RouteParam } from "@/lib/http/route-params";
import { exportRoster } from "@/lib/roster/export-roster";
import { ZFileFormat } from "@/lib/export/file-format";

const ZExportQuery = z.object({ format: ZFileFormat });

/** The whole roster in the app's template, CSV or Excel. */
export const GET = defineRoute({
  params: { establishmentId: RouteParam.id },
  input: ZExportQuery,
  handler: async ({ viewer, input, params, ip }) => {
    const file = await exportRoster(viewer, { establishmentId: params.establishmentId, format: input.format, ip });
    return fileResponse(file.bytes, file.fileName, file.mimeType);
  },
});
