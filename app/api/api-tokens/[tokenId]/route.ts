import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { revokeApiToken } from "@/lib/public-api/revoke-api-token";

/** Revokes a token of the programme: its next call is refused. */
export const DELETE = defineRoute({
  params: { tokenId: RouteParam.id },
  handler: async ({ viewer, params, ip }) => {
    const { revokedAt } = await revokeApiToken(viewer, params.tokenId, ip);
    return { revokedAt: revokedAt.toISOString() };
  },
});
