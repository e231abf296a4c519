import { changeWaveGrid } from "@/lib/campaigns/change-wave-grid";
import { ZUpdateWaveGridInput } from "@/lib/campaigns/schemas";
import { defineRoute } from "@/lib/http/define-route";

/** A programme manager changes a wave's objectives and grid: in place before the opening, a new version after. */
export const PUT = defineRoute<typeof ZUpdateWaveGridInput, { waveId: string }>({
  input: ZUpdateWaveGridInput,
  handler: ({ viewer, input, params, ip }) => changeWaveGrid(viewer, params.waveId, input, ip),
});
