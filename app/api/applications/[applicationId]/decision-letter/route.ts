import { readDecisionLetter } from "@/lib/decisions/read-decision-letter";
import { defineRoute } from "@/lib/http/define-route";
import { fileResponse } from "@/lib/http/file-response";
import { RouteParam } from "@/lib/http/route-params";

export const GET = defineRoute({
  params: { applicationId: RouteParam.id },
  handler: async ({ viewer, params, ip }) => {
    const letter = await readDecisionLetter(viewer, params.applicationId, ip);
    return fileResponse(letter.bytes, letter.fileName, "application/pdf");
  },
});
