import { postMessage } from "@/lib/applications/post-message";
import { formatFileSize } from "@/lib/attachments/file-size";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { defineRoute } from "@/lib/http/define-route";
import { filesOf, readFormData } from "@/lib/http/form-data";
import { RouteParam } from "@/lib/http/route-params";

/** A message in the dossier's thread (multipart: `body`, `files`). */
export const POST = defineRoute({
  params: { applicationId: RouteParam.id },
  handler: async ({ viewer, params, request, ip }) => {
    const form = await readFormData(request, {
      maxBytes: UPLOAD_LIMITS.attachmentBytes * UPLOAD_LIMITS.messageFiles,
      tooLarge: `Les pièces jointes dépassent la taille permise : ${UPLOAD_LIMITS.messageFiles} fichiers de ${formatFileSize(UPLOAD_LIMITS.attachmentBytes)} au plus.`,
    });
    const body = form.get("body");
    const message = await postMessage(viewer, {
      applicationId: params.applicationId,
      body: typeof body === "string" ? body : "",
      files: await filesOf(form, "files"),
      ip,
    });
    return { messageId: message.id };
  },
});
