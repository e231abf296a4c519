import { ZDecisionSettingsInput } from "@/lib/decisions/settings-schema";
import { updateDecisionSettings } from "@/lib/decisions/update-decision-settings";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** The wave's decision settings: the spread threshold and the ranking tier. */
export const PUT = defineRoute({
  params: { waveId: RouteParam.id },
  input: ZDecisionSettingsInput,
  handler: ({ viewer, input, params, ip }) => updateDecisionSettings(viewer, params.waveId, { ...input, ip }),
});
