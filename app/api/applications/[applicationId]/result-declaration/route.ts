import { declareResults } from "@/lib/follow-up/declare-results";
import { ZDeclareResultsInput } from "@/lib/follow-up/declare-schema";
import { readDeclarationPdf } from "@/lib/follow-up/read-declaration-pdf";
import { defineRoute } from "@/lib/http/define-route";
import { fileResponse } from "@/lib/http/file-response";
import { RouteParam } from "@/lib/http/route-params";

/** The declaration of results of a selected dossier, by its director. */
export const POST = defineRoute({
  params: { applicationId: RouteParam.id },
  input: ZDeclareResultsInput,
  handler: ({ viewer, input, params, ip }) => declareResults(viewer, params.applicationId, { ...input, ip }),
});

/** Its PDF, for whoever may read the dossier. */
export const GET = defineRoute({
  params: { applicationId: RouteParam.id },
  handler: async ({ viewer, params }) => {
    const pdf = await readDeclarationPdf(viewer, params.applicationId);
    return fileResponse(pdf.bytes, pdf.fileName, "application/pdf");
  },
});
