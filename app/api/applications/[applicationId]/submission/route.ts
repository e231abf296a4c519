import { z } from "zod";
import { submissionSlots } from "@/lib/applications/submission-slots";
import { submitApplication } from "@/lib/applications/submit-application";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

const ZSubmitRequest = z.object({ idempotencyKey: z.uuid() });

/** Submits the draft, in its turn on a deadline's rush; a retry with the same key returns the same submission. */
export const POST = defineRoute({
  params: { applicationId: RouteParam.id },
  input: ZSubmitRequest,
  handler: async ({ viewer, input, params, ip }) =>
    submissionSlots(() => submitApplication(viewer, { applicationId: params.applicationId, idempotencyKey: input.idempotencyKey, ip })),
});
