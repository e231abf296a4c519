import { exportFollowUps, ZFollowUpExport } from "@/lib/follow-up/export-follow-ups";
import { defineRoute } from "@/lib/http/define-route";
import { streamedFileResponse } from "@/lib/http/file-response";

/** The follow-up board's dossiers as CSV or XLSX, with the board's filters and order, streamed. */
export const GET = defineRoute({
  input: ZFollowUpExport,
  handler: async ({ viewer, input, ip }) => {
    const file = await exportFollowUps(viewer, { ...input, ip });
    return streamedFileResponse(file.stream, file.fileName, file.mimeType);
  },
});
