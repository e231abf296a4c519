import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/config/env";
import { KEPT_FORWARDING_HEADERS } from "@/lib/http/forwarded-headers";
import { resetDatabase, testDb } from "@/test/integration/database";
import { refusedPscReturn } from "@/lib/identity/sign-in-rate-limit";
import { GET } from "@/app/api/auth/[...nextauth]/route";

/**
 * Pro Santé Connect's return (its code, which next-auth exchanges at PSC) counts on the address's
 * sign-in limit, like a passkey's answer: past it, the person lands on the sign-in page, told to
 * wait, and PSC is not asked. (next/headers exists only inside Next.js: no session, no cookie.)
 */
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, has: () => false }),
  headers: async () => new Headers(),
}));

describe("GET /api/auth/callback/pro-sante-connect", () => {
  beforeEach(resetDatabase);

  const HOME = "203.0.113.40";

  /** The browser's navigation back from PSC (or to another of next-auth's paths), as it reaches the route through proxy.ts. */
  const navigation = (path: string, ip: string) =>
    // next-auth reads the URL of a NextRequest (`nextUrl`).
    new NextRequest(`${env.APP_URL}${path}`, { headers: { "x-forwarded-for": ip, [KEPT_FORWARDING_HEADERS["x-forwarded-for"]]: ip } });
  const RETURN = "/api/auth/callback/pro-sante-connect?code=code-de-psc&state=etat";
  const counted = async (ip: string) =>
    (await testDb.rateLimit.findUnique({ where: { key: `sign-in-ip:${ip}` }, select: { points: true } }))?.points ?? 0;

  it("sends an address past its sign-in limit back to the sign-in page, with Retry-After", async () => {
    await testDb.rateLimit.create({ data: { key: `sign-in-ip:${HOME}`, points: 30, expire: new Date(Date.now() + 900_000) } });

    // Answered before next-auth, which runs only inside Next.js.
    const refused = await GET(navigation(RETURN, HOME), { params: Promise.resolve({ nextauth: ["callback", "pro-sante-connect"] }) });
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe(new URL("/connexion?erreur=trop-de-tentatives", env.APP_URL).toString());
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("counts each return on its address, and nothing else next-auth answers", async () => {
    expect(await refusedPscReturn(navigation(RETURN, HOME))).toBeNull();
    expect(await refusedPscReturn(navigation(RETURN, HOME))).toBeNull();
    expect(await counted(HOME)).toBe(2);

    expect(await refusedPscReturn(navigation("/api/auth/session", "198.51.100.5"))).toBeNull();
    expect(await refusedPscReturn(navigation("/api/auth/callback/passkey", "198.51.100.5"))).toBeNull();
    expect(await counted("198.51.100.5")).toBe(0);
  });
});
