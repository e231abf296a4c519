import { ownerHoldsAnyApiScope, requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { apiTokenState } from "./token-rules";

/**
 * Every token of the programme, newest first, for the managers' page (never the secret, which is
 * not kept), each with its state as the API would judge it `now`, its owner's account and rights included.
 */
export async function listApiTokens(viewer: Viewer, now = new Date()) {
  requirePermission(viewer, "api-token:manage");
  const tokens = await db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      owner: {
        select: {
          id: true,
          displayName: true,
          disabledAt: true,
          staffRole: true,
          memberships: { select: { establishmentId: true, role: true } },
        },
      },
      revokedBy: { select: { displayName: true } },
    },
  });
  return tokens.map(({ owner, ...token }) => ({
    ...token,
    owner: { id: owner.id, displayName: owner.displayName },
    state: apiTokenState(token, now, { disabled: owner.disabledAt !== null, holdsAnyScope: ownerHoldsAnyApiScope(owner, token.scopes) }),
  }));
}

export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
