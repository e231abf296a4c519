import { exportDossiers, ZDossierExport } from "@/lib/applications/export-dossiers";
import { defineRoute } from "@/lib/http/define-route";
import { streamedFileResponse } from "@/lib/http/file-response";

/**
 * The programme's dossiers as CSV or XLSX, with the list page's filters, streamed as they are read;
 * up to the background threshold only (above it, POST /api/exports: ADR 0019).
 */
export const GET = defineRoute({
  input: ZDossierExport,
  handler: async ({ viewer, input, ip }) => {
    const file = await exportDossiers(viewer, { ...input, ip });
    return streamedFileResponse(file.stream, file.fileName, file.mimeType);
  },
});
