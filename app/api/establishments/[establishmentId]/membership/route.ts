import { leaveTeam } from "@/lib/establishments/leave-team";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** A member leaves the establishment's team themself (audited, its direction is told); not its only director. */
export const DELETE = defineRoute({
  params: { establishmentId: RouteParam.id },
  handler: async ({ viewer, params, ip }) => {
    await leaveTeam(viewer, { establishmentId: params.establishmentId, ip });
  },
});
