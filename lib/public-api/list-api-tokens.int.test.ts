import { beforeEach, describe, expect, it } from "vitest";
import { authorizeApiScope } from "@/lib/access/policy";
import { createUser, insertApiToken } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { authenticateApiToken } from "./authenticate-api-token";
import { listApiTokens } from "./list-api-tokens";
import type { ApiScope } from "./token-schema";

/** Whether the API answers a call of the token in at least one of its scopes, as its routes check it. */
async function opensTheApi(token: string, scopes: readonly ApiScope[]): Promise<boolean> {
  try {
    const caller = await authenticateApiToken(`Bearer ${token}`);
    return scopes.some((scope) => {
      try {
        return Boolean(authorizeApiScope(caller, scope));
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

describe("the programme's API tokens, as the managers' page lists them", () => {
  beforeEach(resetDatabase);

  it("say a token is active exactly when the API answers it, and why it refuses one nobody revoked", async () => {
    const manager = await createUser(testDb, { staffRole: "PROGRAMME_MANAGER" });
    const departed = await createUser(testDb, { staffRole: "PROGRAMME_MANAGER", name: "Agent parti" });
    const movedOn = await createUser(testDb, { staffRole: "PROGRAMME_MANAGER", name: "Agent devenu instructeur" });
    const scopes: ApiScope[] = ["waves:read", "dossiers:read"];
    const tokens = {
      active: await insertApiToken(testDb, manager.id, { scopes, name: "actif" }),
      revoked: await insertApiToken(testDb, manager.id, { scopes, name: "révoqué", revokedAt: new Date(Date.now() - 60_000) }),
      expired: await insertApiToken(testDb, manager.id, { scopes, name: "expiré", expiresAt: new Date(Date.now() - 60_000) }),
      "owner-disabled": await insertApiToken(testDb, departed.id, { scopes, name: "compte désactivé" }),
      "owner-without-access": await insertApiToken(testDb, movedOn.id, { scopes, name: "rôle perdu" }),
    };
    await testDb.user.update({ where: { id: departed.id }, data: { disabledAt: new Date() } });
    await testDb.user.update({ where: { id: movedOn.id }, data: { staffRole: "REVIEWER" } });

    const listed = await listApiTokens(manager.viewer);

    expect(Object.fromEntries(listed.map((token) => [token.id, token.state]))).toEqual(
      Object.fromEntries(Object.entries(tokens).map(([state, token]) => [token.id, state])),
    );
    for (const [state, { token }] of Object.entries(tokens)) {
      expect(await opensTheApi(token, scopes), state).toBe(state === "active");
    }
    // The owner as the page names them, never their account's other facts.
    expect(listed.find((token) => token.id === tokens["owner-disabled"].id)?.owner).toEqual({
      id: departed.id,
      displayName: "Agent parti",
    });
  });
});
