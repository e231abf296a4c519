import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/identity/tokens";
import { API_TOKEN_PREFIX, apiTokenExpiry, apiTokenOwnState, apiTokenState, bearerToken, newApiToken } from "./token-rules";
import { ZApiTokenInput } from "./token-schema";

const now = new Date("2026-12-02T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("an API token", () => {
  it("is a prefixed 256-bit secret of which only the hash and the first characters are kept", () => {
    const { token, hash, prefix } = newApiToken();
    expect(token).toMatch(/^hcapi_[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token.slice(API_TOKEN_PREFIX.length));
    expect(token.startsWith(prefix)).toBe(true);
    expect(prefix).toHaveLength(API_TOKEN_PREFIX.length + 4);
    expect(newApiToken().token).not.toBe(token);
  });

  it("is active until it expires, and no longer at the instant of its expiry", () => {
    expect(apiTokenOwnState({ expiresAt: later(1), revokedAt: null }, now)).toBe("active");
    expect(apiTokenOwnState({ expiresAt: now, revokedAt: null }, now)).toBe("expired");
    expect(apiTokenOwnState({ expiresAt: later(-1), revokedAt: null }, now)).toBe("expired");
  });

  it("is revoked from its revocation on, even before it expires, and stays reported revoked once expired", () => {
    expect(apiTokenOwnState({ expiresAt: later(86_400_000), revokedAt: now }, now)).toBe("revoked");
    expect(apiTokenOwnState({ expiresAt: later(-1), revokedAt: later(-2) }, now)).toBe("revoked");
  });

  it("is refused by its owner once neither revoked nor expired: their account disabled first, then the rights its scopes read", () => {
    const token = { expiresAt: later(1), revokedAt: null };
    expect(apiTokenState(token, now, { disabled: true, holdsAnyScope: false })).toBe("owner-disabled");
    expect(apiTokenState(token, now, { disabled: false, holdsAnyScope: false })).toBe("owner-without-access");
    expect(apiTokenState(token, now, { disabled: false, holdsAnyScope: true })).toBe("active");
    expect(apiTokenState({ expiresAt: later(1), revokedAt: now }, now, { disabled: true, holdsAnyScope: false })).toBe("revoked");
    expect(apiTokenState({ expiresAt: now, revokedAt: null }, now, { disabled: true, holdsAnyScope: false })).toBe("expired");
  });

  it("expires after the lifetime chosen at creation", () => {
    expect(apiTokenExpiry("30", now)).toEqual(new Date("2027-01-01T10:00:00Z"));
    expect(apiTokenExpiry("365", now)).toEqual(new Date("2027-12-02T10:00:00Z"));
  });
});

describe("the bearer token of a request", () => {
  it("is read from the Authorization header, whatever the case of the scheme", () => {
    expect(bearerToken("Bearer hcapi_abc")).toBe("hcapi_abc");
    expect(bearerToken("bearer  hcapi_abc ")).toBe("hcapi_abc");
  });

  it("is missing without the header, with another scheme or with an empty value", () => {
    expect(bearerToken(null)).toBeNull();
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken("Bearer ")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
  });
});

describe("the token creation form", () => {
  it("needs a name, at least one known scope and a lifetime, in French", () => {
    const result = ZApiTokenInput.safeParse({ name: " ", scopes: [], lifetimeDays: "7" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      name: "Donnez un nom à ce jeton, par exemple celui du système qui l'utilisera.",
      scopes: "Choisissez au moins une portée.",
      lifetimeDays: "Choisissez une durée de validité.",
    });
    expect(ZApiTokenInput.safeParse({ name: "ARS", scopes: ["dossiers:write"], lifetimeDays: "30" }).success).toBe(false);
  });

  it("keeps each scope once", () => {
    expect(ZApiTokenInput.parse({ name: "ARS", scopes: ["waves:read", "waves:read"], lifetimeDays: "90" }).scopes).toEqual(["waves:read"]);
  });
});
