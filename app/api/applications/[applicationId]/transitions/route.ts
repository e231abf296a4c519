import { z } from "zod";
import { formatFileSize } from "@/lib/attachments/file-size";
import { transitionApplication, ZTransitionInput } from "@/lib/applications/transition-application";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { defineRoute, parseInput, readInput } from "@/lib/http/define-route";
import { filesOf, jsonField, readFormData } from "@/lib/http/form-data";
import { RouteParam } from "@/lib/http/route-params";

const ZTransitionRequest = z.intersection(z.object({ expectedVersion: z.number().int().min(1) }), ZTransitionInput);

/**
 * Withdraw, answer a request, or the programme's transitions (review, request, decide): JSON, or
 * multipart for an answer with files (`transition`, the same JSON, and `files`).
 */
export const POST = defineRoute({
  params: { applicationId: RouteParam.id },
  handler: async ({ viewer, params, ip, request }) => {
    if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) {
      const input = parseInput(ZTransitionRequest, await readInput(request));
      return transitionApplication(viewer, { ...input, applicationId: params.applicationId, ip });
    }
    const form = await readFormData(request, {
      maxBytes: UPLOAD_LIMITS.attachmentBytes * UPLOAD_LIMITS.messageFiles,
      tooLarge: `Les pièces jointes dépassent la taille permise : ${UPLOAD_LIMITS.messageFiles} fichiers de ${formatFileSize(UPLOAD_LIMITS.attachmentBytes)} au plus.`,
    });
    const input = parseInput(ZTransitionRequest, jsonField(form, "transition"));
    return transitionApplication(viewer, { ...input, applicationId: params.applicationId, ip, files: await filesOf(form, "files") });
  },
});
