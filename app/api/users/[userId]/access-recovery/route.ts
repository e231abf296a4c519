import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { issueAccessRecovery } from "@/lib/identity/access-recovery";

/** Sends a person who lost their keys a link to register a new one: their director, or a programme manager (ADR 0034). */
export const POST = defineRoute({
  params: { userId: RouteParam.id },
  handler: async ({ viewer, params, ip }) => {
    const { email, expiresAt, replacedEarlier } = await issueAccessRecovery(viewer, params.userId, ip);
    return { email, expiresAt: expiresAt.toISOString(), replacedEarlier };
  },
});
