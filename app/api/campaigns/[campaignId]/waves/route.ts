import { createWave } from "@/lib/campaigns/create-wave";
import { ZCreateWaveInput } from "@/lib/campaigns/schemas";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** A programme manager creates a wave of a campaign, with its objectives and scoring grid. */
export const POST = defineRoute({
  params: { campaignId: RouteParam.id },
  input: ZCreateWaveInput,
  handler: ({ viewer, input, params, ip }) => createWave(viewer, params.campaignId, input, ip),
});
