import { changeWaveGrid } from "@/lib/campaigns/change-wave-grid";
import { ZUpdateWaveGridInput } from "@/lib/campaigns/schemas";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** A programme manager changes a wave's objectives and grid: in place before the opening, a new version after. */
export const PUT = defineRoute({
  params: { waveId: RouteParam.id },
  input: ZUpdateWaveGridInput,
  handler: ({ viewer, input, params, ip }) => changeWaveGrid(viewer, params.waveId, input, ip),
});
