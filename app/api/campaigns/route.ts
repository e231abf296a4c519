import { createCampaign } from "@/lib/campaigns/create-campaign";
import { ZCampaignInput } from "@/lib/campaigns/schemas";
import { defineRoute } from "@/lib/http/define-route";

/** A programme manager creates a campaign. */
export const POST = defineRoute({
  input: ZCampaignInput,
  handler: ({ viewer, input, ip }) => createCampaign(viewer, input, ip),
});
