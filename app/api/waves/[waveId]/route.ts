import { ZUpdateWaveSettingsInput } from "@/lib/campaigns/schemas";
import { updateWaveSettings } from "@/lib/campaigns/update-wave-settings";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** A programme manager changes a wave's settings (dates, envelope, eligible categories…). */
export const PATCH = defineRoute({
  params: { waveId: RouteParam.id },
  input: ZUpdateWaveSettingsInput,
  handler: ({ viewer, input, params, ip }) => updateWaveSettings(viewer, params.waveId, input, ip),
});
