import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/exports/route";
import { authSecret, env } from "@/lib/config/env";
import { SESSION_COOKIE } from "@/lib/identity/auth-options";
import { openSession } from "@/lib/identity/sessions";
import { programmeManager } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";

/** getViewer reads the session cookie from next/headers, which only a request inside Next.js provides: here, the test's. */
const requestCookies = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (requestCookies.has(name) ? { name, value: requestCookies.get(name) } : undefined) }),
  headers: async () => new Headers(),
}));

describe("a route handler's answer to a signed-in person", () => {
  beforeEach(async () => {
    await resetDatabase();
    requestCookies.clear();
  });

  it("tells every cache not to keep it", async () => {
    const manager = await programmeManager(testDb);
    const sessionId = await openSession(manager.userId, "PASSKEY", { ip: null, userAgent: null });
    requestCookies.set(SESSION_COOKIE, await encode({ token: { sub: manager.userId, sid: sessionId }, secret: authSecret() }));

    const response = await GET(new Request(`${env.APP_URL}/api/exports`), { params: Promise.resolve({}) });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ exports: [] });
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});
