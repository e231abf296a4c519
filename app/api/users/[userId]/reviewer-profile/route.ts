import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { ZReviewerProfileInput } from "@/lib/review/reviewer-profile-schema";
import { saveReviewerProfile } from "@/lib/review/save-reviewer-profile";

/** A reviewer's role (ANS / ARS), regions and affiliations, kept by programme managers; answers the warning of pairs newly flagged. */
export const PUT = defineRoute({
  params: { userId: RouteParam.id },
  input: ZReviewerProfileInput,
  handler: ({ viewer, input, params, ip }) => saveReviewerProfile(viewer, params.userId, input, ip),
});
