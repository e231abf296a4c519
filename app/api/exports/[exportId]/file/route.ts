import { readExportFile } from "@/lib/exports/read-export";
import { defineRoute } from "@/lib/http/define-route";
import { streamedFileResponse } from "@/lib/http/file-response";
import { RouteParam } from "@/lib/http/route-params";

/** A ready background export's file, for the manager who asked for it (audited). */
export const GET = defineRoute({
  params: { exportId: RouteParam.id },
  handler: async ({ viewer, params, ip }) => {
    const file = await readExportFile(viewer, params.exportId, ip);
    return streamedFileResponse(file.stream, file.fileName, file.mimeType);
  },
});
