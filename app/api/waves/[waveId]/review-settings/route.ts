import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { ZReviewSettingsInput } from "@/lib/review/assignment-schemas";
import { updateReviewSettings } from "@/lib/review/update-review-settings";

/** The wave's review settings: tiers and their due dates, reviewers per dossier, anonymity. */
export const PUT = defineRoute({
  params: { waveId: RouteParam.id },
  input: ZReviewSettingsInput,
  handler: ({ viewer, input, params, ip }) => updateReviewSettings(viewer, params.waveId, { ...input, ip }),
});
