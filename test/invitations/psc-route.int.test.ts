import { beforeEach, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/config/env";
import { KEPT_FORWARDING_HEADERS } from "@/lib/http/forwarded-headers";
import { inviteUser } from "@/lib/identity/invitations";
import { startKeyRegistration } from "@/lib/identity/webauthn/registration";
import { establishmentWithDirector } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { POST } from "@/app/api/invitations/psc/route";

/**
 * Opening an invitation to accept it with Pro Santé Connect counts on the address's and the link's
 * invitation budgets, like registering a key through the link: otherwise this route would let one
 * address try links without limit, or many addresses try one link without limit. (next/headers exists only inside Next.js: no session, a cookie jar to set.)
 */
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

describe("POST /api/invitations/psc", () => {
  beforeEach(resetDatabase);

  const HOME = "203.0.113.30";

  async function sentInvitation(email: string) {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const result = await inviteUser(director, { purpose: "MEMBER", email, establishmentId: establishment.id, membershipRole: "EDITOR" });
    return new URL(result.link).pathname.split("/").at(-1)!;
  }

  /** The request as it reaches the route through proxy.ts, from the address `ip`. */
  async function open(invitationToken: string, ip: string) {
    const response = await POST(
      new Request(`${env.APP_URL}/api/invitations/psc`, {
        method: "POST",
        headers: {
          Origin: new URL(env.APP_URL).origin,
          "Content-Type": "application/json",
          "x-forwarded-for": ip,
          [KEPT_FORWARDING_HEADERS["x-forwarded-for"]]: ip,
        },
        body: JSON.stringify({ invitationToken }),
      }),
      { params: Promise.resolve({}) },
    );
    return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
  }

  it("refuses an address past 30 attempts in the hour, whether the link exists or not, and not another address", async () => {
    const token = await sentInvitation("nouvelle.personne@test.fr");
    await testDb.rateLimit.create({ data: { key: `invitation-ip:${HOME}`, points: 30, expire: new Date(Date.now() + 3_600_000) } });

    for (const tried of [token, "lien-inconnu-".padEnd(43, "x")]) {
      const refused = await open(tried, HOME);
      expect(refused).toMatchObject({ status: 429, body: { error: { code: "RATE_LIMITED" } } });
      expect(refused.body.error?.message).toMatch(/^Trop de tentatives\. Réessayez dans \d+ minutes?\.$/);
    }

    expect(await open(token, "198.51.100.3")).toEqual({ status: 200, body: { purpose: "MEMBER" } });
  });

  it("refuses a link past 10 attempts in the hour, from any address, counted with the key registrations through it", async () => {
    const token = await sentInvitation("nouvelle.personne@test.fr");
    const missing = "lien-inconnu-".padEnd(43, "y");
    for (let attempt = 0; attempt < 10; attempt++) {
      // Each from another address: the per-link count is not the per-address one.
      await startKeyRegistration({ kind: "invitation", token }, `198.51.100.${attempt}`);
      expect(await open(missing, `198.51.100.${attempt}`)).toMatchObject({ status: 404 });
    }

    for (const tried of [token, missing]) {
      const refused = await open(tried, "192.0.2.50");
      expect(refused).toMatchObject({ status: 429, body: { error: { code: "RATE_LIMITED" } } });
      expect(refused.body.error?.message).toMatch(/^Trop de tentatives\. Réessayez dans \d+ minutes?\.$/);
    }

    expect(await open(await sentInvitation("autre.personne@test.fr"), "192.0.2.50")).toEqual({ status: 200, body: { purpose: "MEMBER" } });
  });
});
