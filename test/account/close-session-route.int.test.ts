import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE } from "@/app/api/account/sessions/[sessionId]/route";
import { authSecret, env } from "@/lib/config/env";
import { SESSION_COOKIE } from "@/lib/identity/auth-options";
import { openSession, resumeSession } from "@/lib/identity/sessions";
import { createReviewer } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";

/**
 * « Fermer cette session » on « Mon compte », through the route handler as a browser calls it: the
 * session cookie names the caller's session (getViewer reads it from next/headers, which only a
 * request inside Next.js provides: here, the cookie the test sets).
 */
const requestCookies = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (requestCookies.has(name) ? { name, value: requestCookies.get(name) } : undefined) }),
  headers: async () => new Headers(),
}));

const FIREFOX_ON_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0";

/** Opens a session for the person and makes it the one the next requests come from. */
async function signIn(userId: string): Promise<string> {
  const sessionId = await openSession(userId, "PASSKEY", { ip: null, userAgent: null });
  requestCookies.set(SESSION_COOKIE, await encode({ token: { sub: userId, sid: sessionId }, secret: authSecret() }));
  return sessionId;
}

async function closeSession(sessionId: string) {
  const response = await DELETE(
    new Request(`${env.APP_URL}/api/account/sessions/${sessionId}`, { method: "DELETE", headers: { Origin: new URL(env.APP_URL).origin } }),
    { params: Promise.resolve({ sessionId }) },
  );
  return { status: response.status, body: (await response.json()) as { error?: { message: string } } };
}

describe("DELETE /api/account/sessions/[sessionId]", () => {
  beforeEach(async () => {
    await resetDatabase();
    requestCookies.clear();
  });

  it("ends another session of the caller's, which then opens nothing, and the audit log says which device", async () => {
    const reviewer = await createReviewer(testDb);
    const phone = await openSession(reviewer.userId, "PASSKEY", { ip: null, userAgent: FIREFOX_ON_ANDROID });
    const current = await signIn(reviewer.userId);

    expect(await closeSession(phone)).toEqual({ status: 200, body: { ok: true } });

    expect(await resumeSession(phone)).toBeNull();
    expect(await resumeSession(current)).toBe(reviewer.userId);
    const audit = await testDb.auditEvent.findMany({ where: { action: "auth.session_closed", targetId: phone } });
    expect(audit).toMatchObject([{ actorId: reviewer.userId, targetType: "Session", details: { device: "Firefox sur Android" } }]);
    // Closed already: said so, and not audited twice.
    expect(await closeSession(phone)).toMatchObject({ status: 409, body: { error: { message: "Cette session est déjà fermée." } } });
    expect(await testDb.auditEvent.count({ where: { action: "auth.session_closed", targetId: phone } })).toBe(1);
  });

  it("refuses another person's session as if it did not exist: it stays open, and the refusal is audited", async () => {
    const reviewer = await createReviewer(testDb);
    const colleague = await createReviewer(testDb);
    const theirs = await openSession(colleague.userId, "PASSKEY", { ip: null, userAgent: FIREFOX_ON_ANDROID });
    await signIn(reviewer.userId);

    expect((await closeSession(theirs)).status).toBe(404);

    expect(await resumeSession(theirs)).toBe(colleague.userId);
    expect(await testDb.auditEvent.count({ where: { action: "auth.session_closed", targetId: theirs } })).toBe(0);
    const denied = await testDb.auditEvent.findFirst({ where: { action: "access.denied", actorId: reviewer.userId } });
    expect(denied?.details).toMatchObject({ method: "DELETE", path: `/api/account/sessions/${theirs}`, code: "NOT_FOUND" });
  });

  it("leaves the current session to « Se déconnecter », and answers no one signed out", async () => {
    const reviewer = await createReviewer(testDb);
    const current = await signIn(reviewer.userId);

    expect((await closeSession(current)).status).toBe(409);
    expect(await resumeSession(current)).toBe(reviewer.userId);

    requestCookies.clear();
    expect((await closeSession(current)).status).toBe(401);
  });
});
