import { withdrawDeadlineExtension } from "@/lib/campaigns/withdraw-deadline-extension";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** A programme manager withdraws an extension granted by mistake: the wave's closing applies again. */
export const DELETE = defineRoute({
  params: { waveId: RouteParam.id, extensionId: RouteParam.id },
  handler: async ({ viewer, params, ip }) => {
    await withdrawDeadlineExtension(viewer, { waveId: params.waveId, extensionId: params.extensionId, ip });
  },
});
