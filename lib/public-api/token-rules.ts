/**
 * The rules of an API token, without the database: how one is made and recognised, and whether a
 * stored one still opens the API.
 *
 * Public API: `API_TOKEN_PREFIX`, `newApiToken`, `bearerToken`, `ApiTokenState`, `apiTokenState`,
 * `apiTokenExpiry`, `API_TOKEN_STATE_LABELS`.
 */
import { hashToken, newToken } from "@/lib/identity/tokens";
import type { TApiTokenInput } from "./token-schema";

/** Says what the secret is when it turns up in a log or a repository (secret scanners match it). */
export const API_TOKEN_PREFIX = "hcapi_";

/** A new token: the secret (shown once), its hash (stored) and its first characters (listed). */
export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${newToken()}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 4) };
}

/** The token of an `Authorization: Bearer …` header, or null when there is none. */
export function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match ? match[1]! : null;
}

export type ApiTokenState = "active" | "expired" | "revoked";

export const API_TOKEN_STATE_LABELS: Readonly<Record<ApiTokenState, string>> = {
  active: "Actif",
  expired: "Expiré",
  revoked: "Révoqué",
};

/** Revocation wins over expiry: the list says what a manager did. */
export function apiTokenState(token: { expiresAt: Date; revokedAt: Date | null }, now: Date): ApiTokenState {
  if (token.revokedAt !== null && token.revokedAt <= now) return "revoked";
  return token.expiresAt <= now ? "expired" : "active";
}

export function apiTokenExpiry(lifetimeDays: TApiTokenInput["lifetimeDays"], now: Date): Date {
  return new Date(now.getTime() + Number(lifetimeDays) * 86_400_000);
}
