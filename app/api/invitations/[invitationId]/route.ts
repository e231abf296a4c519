import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { cancelInvitation } from "@/lib/identity/cancel-invitation";

/** Whoever may send an invitation cancels it while it is pending: its link stops working (audited). */
export const DELETE = defineRoute({
  params: { invitationId: RouteParam.id },
  handler: async ({ viewer, params, ip }) => {
    await cancelInvitation(viewer, params.invitationId, ip);
  },
});
