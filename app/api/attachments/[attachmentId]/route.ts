import { deleteAttachment, readAttachment } from "@/lib/attachments/upload-attachment";
import { defineRoute } from "@/lib/http/define-route";
import { fileResponse } from "@/lib/http/file-response";
import { RouteParam } from "@/lib/http/route-params";

const params = { attachmentId: RouteParam.id };

/** Download, for whoever may read the dossier. */
export const GET = defineRoute({
  params,
  handler: async ({ viewer, params }) => {
    const file = await readAttachment(viewer, params.attachmentId);
    return fileResponse(file.bytes, file.fileName, file.mimeType);
  },
});

export const DELETE = defineRoute({
  params,
  handler: async ({ viewer, params, ip }) => {
    await deleteAttachment(viewer, params.attachmentId, ip);
  },
});
