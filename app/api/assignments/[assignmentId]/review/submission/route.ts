import { z } from "zod";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { submitReview } from "@/lib/review/submit-review";

const ZSubmitReviewRequest = z.object({ expectedVersion: z.number().int().min(1) });

/**
 * Submits a complete review (idempotent); 422 with the list of what is missing otherwise, 409 when
 * the sheet was saved elsewhere since the version the reviewer transmits.
 */
export const POST = defineRoute({
  params: { assignmentId: RouteParam.id },
  input: ZSubmitReviewRequest,
  handler: ({ viewer, params, input, ip }) =>
    submitReview(viewer, { assignmentId: params.assignmentId, expectedVersion: input.expectedVersion, ip }),
});
