import { readReceipt } from "@/lib/applications/read-receipt";
import { defineRoute } from "@/lib/http/define-route";
import { fileResponse } from "@/lib/http/file-response";
import { RouteParam } from "@/lib/http/route-params";

export const GET = defineRoute({
  params: { applicationId: RouteParam.id },
  handler: async ({ viewer, params, ip }) => {
    const receipt = await readReceipt(viewer, params.applicationId, ip);
    return fileResponse(receipt.bytes, receipt.fileName, "application/pdf");
  },
});
