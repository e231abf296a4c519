import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { closeOwnSession } from "@/lib/identity/close-session";

/** « Fermer cette session »: ends another of the viewer's own sessions (audited). */
export const DELETE = defineRoute({
  params: { sessionId: RouteParam.id },
  handler: async ({ viewer, params, ip }) => {
    await closeOwnSession(viewer, params.sessionId, ip);
  },
});
