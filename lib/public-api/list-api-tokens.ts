import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";

/** Every token of the programme, newest first, for the managers' page (never the secret, which is not kept). */
export async function listApiTokens(viewer: Viewer) {
  requirePermission(viewer, "api-token:manage");
  return db.apiToken.findMany({
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
      owner: { select: { id: true, displayName: true } },
      revokedBy: { select: { displayName: true } },
    },
  });
}

export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
