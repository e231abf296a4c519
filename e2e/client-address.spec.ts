import { expect, request as playwright, test } from "@playwright/test";
import { createDemoSignInLinks } from "@/lib/identity/demo-sign-in";
import { e2eDb } from "./fixtures/database";
import { E2E_BASE_URL } from "./fixtures/environment";
import { signInAs } from "./fixtures/sessions";
import { createDraft, createEstablishment, createOpenWave, createUser } from "@/test/factories";

/**
 * The server sits behind no proxy here (TRUSTED_PROXIES unset): a client's X-Forwarded-For and
 * X-Real-IP are claims, and neither the audit log nor the per-address limits may believe them.
 */
const FORGED = { "X-Forwarded-For": "203.0.113.66, 198.51.100.77", "X-Real-IP": "192.0.2.88" };
const FORGED_ADDRESSES = ["203.0.113.66", "198.51.100.77", "192.0.2.88"];
const LOOPBACK = ["127.0.0.1", "::1"];

test.describe("the client's address", () => {
  test("a forged X-Forwarded-For does not land in the audit log, prefetch header or not", async ({ browser }) => {
    const [own, other] = [await createEstablishment(e2eDb), await createEstablishment(e2eDb)];
    const draft = await createDraft(e2eDb, other.id, await createOpenWave(e2eDb));
    const stranger = await createUser(e2eDb, { establishmentId: own.id });
    const context = await browser.newContext({ extraHTTPHeaders: FORGED });
    await signInAs(context, stranger.id);
    const since = new Date();
    // A refused access is audited with the address: the socket's, not the claimed one.
    expect((await context.request.get(`/dossiers/${draft.id}`)).status()).toBe(404);
    expect(
      (
        await context.request.get(`/api/applications/${draft.id}/receipt`, {
          headers: { "next-router-prefetch": "1", purpose: "prefetch" },
        })
      ).status(),
    ).toBe(404);
    const denied = await e2eDb.auditEvent.findMany({
      where: { action: "access.denied", actorId: stranger.id, at: { gte: since } },
      select: { ip: true },
    });
    expect(denied).toHaveLength(2);
    for (const { ip } of denied) {
      expect(FORGED_ADDRESSES).not.toContain(ip);
      expect(LOOPBACK).toContain(ip);
    }
    await context.close();
  });

  test("a changed X-Forwarded-For does not reset the per-address sign-in limit, nor do demo links escape it; sign-in answers 429", async ({
    page,
  }) => {
    // Use up the attempts of this machine's addresses (the browser and the API client may reach the server over IPv4 or IPv6).
    const client = await playwright.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { Origin: E2E_BASE_URL } });
    const counters = LOOPBACK.map((address) => `sign-in-ip:${address}`);
    for (const key of counters) {
      const exhausted = { points: 1_000_000, expire: new Date(Date.now() + 15 * 60_000) };
      await e2eDb.rateLimit.upsert({ where: { key }, create: { key, ...exhausted }, update: exhausted });
    }
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const forged = await client.post("/api/webauthn/authentication/options", {
          headers: { "X-Forwarded-For": `203.0.113.${attempt + 1}`, "X-Real-IP": `198.51.100.${attempt + 1}` },
        });
        expect(forged.status()).toBe(429);
        expect((await forged.json()).error.message).toMatch(/^Trop de tentatives/);
      }
      expect(await e2eDb.rateLimit.count({ where: { key: { in: FORGED_ADDRESSES.map((address) => `sign-in-ip:${address}`) } } })).toBe(0);

      // next-auth's sign-in callbacks answer as the other limited routes do (not next-auth's 401),
      // and keep the address whose `error` next-auth's client shows.
      const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
      for (const provider of ["passkey", "demo-link"]) {
        const refused = await client.post(`/api/auth/callback/${provider}`, {
          form: { csrfToken, json: "true", callbackUrl: E2E_BASE_URL, token: "jeton", challengeId: "defi", response: "{}" },
        });
        expect(refused.status(), provider).toBe(429);
        expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
        const body = (await refused.json()) as { url: string; error: { code: string; message: string } };
        expect(body.error).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/^Trop de tentatives/) });
        expect(new URL(body.url).searchParams.get("error")).toBe(body.error.message);
      }

      // A demo sign-in link counts against the same limit, and the person reads why.
      const [director] = await createDemoSignInLinks(e2eDb, E2E_BASE_URL);
      await page.goto(new URL(director!.link).pathname);
      await page.getByRole("button", { name: `Se connecter en tant que ${director!.name}` }).click();
      await expect(page.getByText(/^Trop de tentatives\. Réessayez dans \d+ minutes?\.$/)).toBeVisible();
      await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
    } finally {
      await e2eDb.rateLimit.deleteMany({ where: { key: { in: counters } } });
      await client.dispose();
    }
  });
});
