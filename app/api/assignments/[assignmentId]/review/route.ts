import { z } from "zod";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { saveReview } from "@/lib/review/save-review";
import { ZReviewSheetInput } from "@/lib/review/score-sheet";

const ZSaveReviewRequest = z.object({ expectedVersion: z.number().int().min(1), data: ZReviewSheetInput });

/** Autosave of a score sheet (optimistic concurrency on the review's version). */
export const PUT = defineRoute({
  params: { assignmentId: RouteParam.id },
  input: ZSaveReviewRequest,
  handler: ({ viewer, input, params }) =>
    saveReview(viewer, { assignmentId: params.assignmentId, expectedVersion: input.expectedVersion, data: input.data }),
});
