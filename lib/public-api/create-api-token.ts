import { authorizeApiTokenCreation } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { apiTokenExpiry, newApiToken } from "./token-rules";
import type { TApiTokenInput } from "./token-schema";

/**
 * A programme manager's new personal token. The secret is returned here once and never again:
 * only its hash is stored. Audited in the same transaction.
 */
export async function createApiToken(viewer: Viewer, input: TApiTokenInput, ip: string | null, now = new Date()) {
  const owner = authorizeApiTokenCreation(viewer, input.scopes);
  const { token, hash, prefix } = newApiToken();
  const expiresAt = apiTokenExpiry(input.lifetimeDays, now);
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { tokenHash: hash, prefix, name: input.name, scopes: input.scopes, ownerId: owner.userId, createdAt: now, expiresAt },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: auditActor(owner),
      action: "api_token.created",
      target: { type: "ApiToken", id: row.id },
      ip,
      details: { name: input.name, scopes: input.scopes, expiresAt: expiresAt.toISOString() },
    });
    return row;
  });
  return { id: created.id, token, expiresAt };
}
