import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { submitReview } from "@/lib/review/submit-review";

/** Submits a complete review (idempotent); 422 with the list of what is missing otherwise. */
export const POST = defineRoute({
  params: { assignmentId: RouteParam.id },
  handler: ({ viewer, params, ip }) => submitReview(viewer, { assignmentId: params.assignmentId, ip }),
});
