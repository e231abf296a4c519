import { ZCampaignEdit } from "@/lib/campaigns/schemas";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** A programme manager corrects a campaign's title or description. */
export const PATCH = defineRoute({
  params: { campaignId: RouteParam.id },
  input: ZCampaignEdit,
  handler: ({ viewer, input, params, ip }) => updateCampaign(viewer, params.campaignId, input, ip),
});
