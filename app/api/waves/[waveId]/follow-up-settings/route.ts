import { ZFollowUpSettingsInput } from "@/lib/follow-up/settings-schema";
import { updateFollowUpSettings } from "@/lib/follow-up/update-follow-up-settings";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** The wave's follow-up settings: the objectives' targets and the advance share of the payment schedule. */
export const PUT = defineRoute({
  params: { waveId: RouteParam.id },
  input: ZFollowUpSettingsInput,
  handler: ({ viewer, input, params, ip }) => updateFollowUpSettings(viewer, params.waveId, { ...input, ip }),
});
