import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";
import { establishmentWithDirector } from "@/test/factories";
import { openSession, resumeSession, resumeSessionUser, revokeAllSessions, revokeSession } from "./sessions";

describe("server-side sessions", () => {
  beforeEach(resetDatabase);

  async function user() {
    return testDb.user.create({ data: { email: `u${Math.random()}@example.test`.replace("0.", ""), displayName: "U" } });
  }

  it("opens, keeps alive with activity, and ends after the idle period", async () => {
    const { id: userId } = await user();
    const start = new Date("2026-11-28T09:00:00Z");
    const sid = await openSession(userId, "PASSKEY", { ip: "203.0.113.7", userAgent: "test" }, start);
    expect(await resumeSession(sid, new Date("2026-11-28T09:50:00Z"))).toBe(userId);
    // Activity at 09:50 moved the idle deadline to 10:50.
    expect(await resumeSession(sid, new Date("2026-11-28T10:45:00Z"))).toBe(userId);
    expect(await resumeSession(sid, new Date("2026-11-28T11:46:00Z"))).toBeNull();
  });

  it("records at sign-in the device it was opened on: browser and system, read from the User-Agent", async () => {
    const { id: userId } = await user();
    const firefoxOnAndroid = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0";
    const sid = await openSession(userId, "PASSKEY", { ip: null, userAgent: firefoxOnAndroid });
    const unknown = await openSession(userId, "PASSKEY", { ip: null, userAgent: null });
    const stored = await testDb.session.findMany({ where: { userId }, select: { id: true, device: true } });
    expect(new Map(stored.map((session) => [session.id, session.device]))).toEqual(
      new Map([
        [sid, "Firefox sur Android"],
        [unknown, null],
      ]),
    );
  });

  it("ends at its absolute lifetime even with constant activity", async () => {
    const { id: userId } = await user();
    const start = new Date("2026-11-28T09:00:00Z");
    const sid = await openSession(userId, "PASSKEY", { ip: null, userAgent: null }, start);
    for (let minutes = 30; minutes < 240; minutes += 30) {
      expect(await resumeSession(sid, new Date(start.getTime() + minutes * 60_000))).toBe(userId);
    }
    expect(await resumeSession(sid, new Date(start.getTime() + 240 * 60_000))).toBeNull();
  });

  it("ends one session on sign-out, and every session on sign-out everywhere", async () => {
    const { id: userId } = await user();
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => openSession(userId, "PASSKEY", { ip: null, userAgent: null })));
    await revokeSession(a!);
    expect(await resumeSession(a!)).toBeNull();
    expect(await resumeSession(b!)).toBe(userId);
    expect(await revokeAllSessions(userId)).toBe(2);
    expect(await resumeSession(b!)).toBeNull();
    expect(await resumeSession(c!)).toBeNull();
  });

  it("reads the person with their session: memberships, staff role, regions, and nothing for an unknown or malformed id", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const sid = await openSession(director.userId, "PASSKEY", { ip: null, userAgent: null });
    expect(await resumeSessionUser(sid)).toMatchObject({
      id: director.userId,
      staffRole: null,
      disabledAt: null,
      memberships: [{ establishmentId: establishment.id, role: "DIRECTOR" }],
      reviewerRegions: [],
    });
    const reviewer = await testDb.user.create({
      data: {
        email: "instructeur.ars@example.test",
        displayName: "Instructeur ARS",
        staffRole: "REGIONAL_REVIEWER",
        reviewerRegions: { create: [{ regionCode: "11" }, { regionCode: "84" }] },
      },
    });
    const reviewerSid = await openSession(reviewer.id, "PASSKEY", { ip: null, userAgent: null });
    const read = await resumeSessionUser(reviewerSid);
    expect(read).toMatchObject({ email: "instructeur.ars@example.test", staffRole: "REGIONAL_REVIEWER", memberships: [] });
    expect(read?.reviewerRegions.map((region) => region.regionCode).sort()).toEqual(["11", "84"]);
    expect(await resumeSessionUser(crypto.randomUUID())).toBeNull();
    expect(await resumeSessionUser("not-a-session-id")).toBeNull();
    // 36 characters of the alphabet of an id, not one that PostgreSQL reads as a uuid.
    expect(await resumeSessionUser("0123456789abcdef0123456789abcdef----")).toBeNull();
  });
});
