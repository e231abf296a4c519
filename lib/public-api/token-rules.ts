/**
 * The rules of an API token, without the database: how one is made and recognised, and whether a
 * stored one still opens the API.
 *
 * Public API: `API_TOKEN_PREFIX`, `newApiToken`, `bearerToken`, `ApiTokenOwnState`, `apiTokenOwnState`,
 * `ApiTokenState`, `apiTokenState`, `ApiTokenOwnerStanding`, `API_TOKEN_STATE_LABELS`, `apiTokenExpiry`.
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

/** Active, or why the API refuses it: its own dates, or its owner (a token acts as its owner). */
export type ApiTokenState = ApiTokenOwnState | "owner-disabled" | "owner-without-access";
/** What the API checks first, of the token alone. */
export type ApiTokenOwnState = "active" | "expired" | "revoked";

export const API_TOKEN_STATE_LABELS: Readonly<Record<ApiTokenState, string>> = {
  active: "Actif",
  expired: "Expiré",
  revoked: "Révoqué",
  "owner-disabled": "Refusé : compte désactivé",
  "owner-without-access": "Refusé : accès perdu",
};

/** What the API checks of a token's owner at each call: their account, and the rights its scopes read. */
export type ApiTokenOwnerStanding = { disabled: boolean; holdsAnyScope: boolean };

/** Revocation wins over expiry: the list says what a manager did. */
export function apiTokenOwnState(token: { expiresAt: Date; revokedAt: Date | null }, now: Date): ApiTokenOwnState {
  if (token.revokedAt !== null && token.revokedAt <= now) return "revoked";
  return token.expiresAt <= now ? "expired" : "active";
}

/** The token's own state first, then its owner's standing: the list says first what a manager did. */
export function apiTokenState(token: { expiresAt: Date; revokedAt: Date | null }, now: Date, owner: ApiTokenOwnerStanding): ApiTokenState {
  const own = apiTokenOwnState(token, now);
  if (own !== "active") return own;
  if (owner.disabled) return "owner-disabled";
  return owner.holdsAnyScope ? "active" : "owner-without-access";
}

export function apiTokenExpiry(lifetimeDays: TApiTokenInput["lifetimeDays"], now: Date): Date {
  return new Date(now.getTime() + Number(lifetimeDays) * 86_400_000);
}
