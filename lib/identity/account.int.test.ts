import { beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createReviewer } from "@/test/factories";
import { getAccountOverview } from "./account";
import { openSession, revokeSession } from "./sessions";

describe("« Mon compte »", () => {
  beforeEach(resetDatabase);

  it("lists as open only the sessions that still open something: not those ended by the idle period", async () => {
    const reviewer = await createReviewer(testDb);
    const now = new Date("2026-12-07T12:00:00Z");
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const client = { ip: null, userAgent: null };
    const active = await openSession(reviewer.userId, "PASSKEY", client, minutesAgo(5));
    // Opened within its lifetime, but left alone longer than the idle period: the sign-in refuses it.
    const idle = await openSession(reviewer.userId, "PASSKEY", client, minutesAgo(env.SESSION_IDLE_MINUTES + 1));
    const signedOut = await openSession(reviewer.userId, "PASSKEY", client, minutesAgo(1));
    await revokeSession(signedOut);
    expect(env.SESSION_IDLE_MINUTES + 1).toBeLessThan(env.SESSION_LIFETIME_MINUTES);

    const { sessions } = await getAccountOverview(reviewer, now);

    expect(sessions.map((session) => session.id)).toEqual([active]);
    expect(sessions.map((session) => session.id)).not.toContain(idle);
  });
});
