import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { ZReopenReviewInput } from "@/lib/review/assignment-schemas";
import { reopenReview } from "@/lib/review/reopen-review";

/** A programme manager reopens a submitted review (audited, the reviewer is told why). */
export const POST = defineRoute({
  params: { assignmentId: RouteParam.id },
  input: ZReopenReviewInput,
  handler: async ({ viewer, input, params, ip }) => {
    await reopenReview(viewer, { assignmentId: params.assignmentId, reason: input.reason, ip });
  },
});
