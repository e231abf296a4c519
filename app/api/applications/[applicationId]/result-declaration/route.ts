import { formatFileSize } from "@/lib/attachments/file-size";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { declareResults } from "@/lib/follow-up/declare-results";
import { ZDeclareResultsInput } from "@/lib/follow-up/declare-schema";
import { readDeclarationPdf } from "@/lib/follow-up/read-declaration-pdf";
import { defineRoute, parseInput } from "@/lib/http/define-route";
import { fileResponse } from "@/lib/http/file-response";
import { filesOf, jsonField, readFormData } from "@/lib/http/form-data";
import { RouteParam } from "@/lib/http/route-params";

/**
 * The declaration of results of a selected dossier, by its director (multipart: `declaration`, the
 * form's values as JSON; `evidence.<objective code>`, that objective's files).
 */
export const POST = defineRoute({
  params: { applicationId: RouteParam.id },
  handler: async ({ viewer, params, ip, request }) => {
    const form = await readFormData(request, {
      maxBytes: UPLOAD_LIMITS.attachmentBytes * UPLOAD_LIMITS.declarationFiles,
      tooLarge: `Les pièces justificatives dépassent la taille permise : ${UPLOAD_LIMITS.declarationFiles} fichiers de ${formatFileSize(UPLOAD_LIMITS.attachmentBytes)} au plus.`,
    });
    const input = parseInput(ZDeclareResultsInput, jsonField(form, "declaration"));
    const evidence = await Promise.all(
      input.objectives.map(async (objective) => ({
        objectiveCode: objective.objectiveCode,
        files: await filesOf(form, `evidence.${objective.objectiveCode}`),
      })),
    );
    return declareResults(viewer, params.applicationId, { ...input, evidence, ip });
  },
});

/** Its PDF, for whoever may read the dossier or verify its results. */
export const GET = defineRoute({
  params: { applicationId: RouteParam.id },
  handler: async ({ viewer, params }) => {
    const pdf = await readDeclarationPdf(viewer, params.applicationId);
    return fileResponse(pdf.bytes, pdf.fileName, "application/pdf");
  },
});
