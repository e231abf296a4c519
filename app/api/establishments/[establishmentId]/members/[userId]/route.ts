import { removeMember } from "@/lib/establishments/remove-member";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** The director or a programme manager takes a person off the establishment's team (audited, the person is told). */
export const DELETE = defineRoute({
  params: { establishmentId: RouteParam.id, userId: RouteParam.id },
  handler: async ({ viewer, params, ip }) => {
    await removeMember(viewer, { establishmentId: params.establishmentId, userId: params.userId, ip });
  },
});
