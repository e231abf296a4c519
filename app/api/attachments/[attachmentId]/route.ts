import { deleteAttachment, readAttachment } from "@/lib/attachments/upload-attachment";
import { defineRoute } from "@/lib/http/define-route";
import { fileResponse } from "@/lib/http/file-response";

type Params = { attachmentId: string };

/** Download, for whoever may read the dossier. */
export const GET = defineRoute<never, Params>({
  handler: async ({ viewer, params }) => {
    const file = await readAttachment(viewer, params.attachmentId);
    return fileResponse(file.bytes, file.fileName, file.mimeType);
  },
});

export const DELETE = defineRoute<never, Params>({
  handler: async ({ viewer, params }) => {
    await deleteAttachment(viewer, params.attachmentId);
  },
});
