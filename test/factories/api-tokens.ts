import type { Db } from "@/lib/db/client";
import { newApiToken } from "@/lib/public-api/token-rules";
import { API_SCOPES, type ApiScope } from "@/lib/public-api/token-schema";

/**
 * An API token of `ownerId` written straight to the database (the manager's page and its use case
 * make them in the tests that are about them), with every scope and 30 days to live by default.
 */
export async function insertApiToken(
  db: Db,
  ownerId: string,
  options: { scopes?: readonly ApiScope[]; expiresAt?: Date; revokedAt?: Date | null; name?: string } = {},
) {
  const { token, hash, prefix } = newApiToken();
  const row = await db.apiToken.create({
    data: {
      tokenHash: hash,
      prefix,
      name: options.name ?? "Jeton de test",
      scopes: [...(options.scopes ?? API_SCOPES)],
      ownerId,
      expiresAt: options.expiresAt ?? new Date(Date.now() + 30 * 86_400_000),
      revokedAt: options.revokedAt ?? null,
    },
    select: { id: true },
  });
  return { id: row.id, token };
}
