import { formatFileSize } from "@/lib/attachments/file-size";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { answerInformationRequest } from "@/lib/follow-up/answer-information-request";
import { ZVerificationAnswerInput } from "@/lib/follow-up/verification-schema";
import { defineRoute, parseInput } from "@/lib/http/define-route";
import { filesOf, readFormData } from "@/lib/http/form-data";
import { RouteParam } from "@/lib/http/route-params";

/** The director's answer to a request for information on the declared results (multipart: `version`, `message`, `files`). */
export const POST = defineRoute({
  params: { applicationId: RouteParam.id },
  handler: async ({ viewer, params, ip, request }) => {
    const form = await readFormData(request, {
      maxBytes: UPLOAD_LIMITS.attachmentBytes * UPLOAD_LIMITS.messageFiles,
      tooLarge: `Les pièces jointes dépassent la taille permise : ${UPLOAD_LIMITS.messageFiles} fichiers de ${formatFileSize(UPLOAD_LIMITS.attachmentBytes)} au plus.`,
    });
    const input = parseInput(ZVerificationAnswerInput, { version: Number(form.get("version")), message: form.get("message") ?? "" });
    return answerInformationRequest(viewer, params.applicationId, { ...input, files: await filesOf(form, "files"), ip });
  },
});
