import { defineRoute } from "@/lib/http/define-route";
import { ZReopenReviewInput } from "@/lib/review/assignment-schemas";
import { reopenReview } from "@/lib/review/reopen-review";

/** A programme manager reopens a submitted review (audited, the reviewer is told why). */
export const POST = defineRoute<typeof ZReopenReviewInput, { assignmentId: string }>({
  input: ZReopenReviewInput,
  handler: async ({ viewer, input, params, ip }) => {
    await reopenReview(viewer, { assignmentId: params.assignmentId, reason: input.reason, ip });
  },
});
