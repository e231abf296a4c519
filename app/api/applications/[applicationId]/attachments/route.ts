import { uploadAttachment } from "@/lib/attachments/upload-attachment";
import { formatFileSize } from "@/lib/attachments/file-size";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { AppError } from "@/lib/errors/app-error";
import { defineRoute } from "@/lib/http/define-route";
import { filesOf, readFormData } from "@/lib/http/form-data";
import { RouteParam } from "@/lib/http/route-params";

/** Upload of one file (multipart: `file`, optional `objectiveId`) to a draft dossier. */
export const POST = defineRoute({
  params: { applicationId: RouteParam.id },
  handler: async ({ viewer, params, request, ip }) => {
    const form = await readFormData(request, {
      maxBytes: UPLOAD_LIMITS.attachmentBytes,
      tooLarge: `Le fichier dépasse la taille maximale de ${formatFileSize(UPLOAD_LIMITS.attachmentBytes)}.`,
    });
    const [file] = await filesOf(form, "file");
    if (!file) throw new AppError("INVALID_INPUT", "Choisissez un fichier.", { fieldErrors: { file: ["Choisissez un fichier."] } });
    const objectiveId = form.get("objectiveId");
    const attachment = await uploadAttachment(viewer, {
      applicationId: params.applicationId,
      objectiveId: typeof objectiveId === "string" && objectiveId ? objectiveId : null,
      file,
      ip,
    });
    return { attachment: { ...attachment, createdAt: attachment.createdAt.toISOString() } };
  },
});
