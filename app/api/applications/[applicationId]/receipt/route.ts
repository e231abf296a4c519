import { readReceipt } from "@/lib/applications/read-receipt";
import { defineRoute } from "@/lib/http/define-route";
import { fileResponse } from "@/lib/http/file-response";

export const GET = defineRoute<never, { applicationId: string }>({
  handler: async ({ viewer, params }) => {
    const receipt = await readReceipt(viewer, params.applicationId);
    return fileResponse(receipt.bytes, receipt.fileName, "application/pdf");
  },
});
