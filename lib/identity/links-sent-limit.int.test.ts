import { beforeEach, describe, expect, it } from "vitest";
import { createUser, establishmentWithDirector, programmeManager } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { issueAccessRecovery } from "./access-recovery";
import { inviteUser } from "./invitations";

/**
 * Invitations and access-recovery links open with their sender's name: each account, and each
 * address, sends a bounded number of them per hour (shared store, like the sign-in limits).
 */
describe("e-mails sent in a person's name", () => {
  beforeEach(resetDatabase);

  const OFFICE = "192.0.2.10";
  const invite = (inviter: Awaited<ReturnType<typeof establishmentWithDirector>>, email: string, ip = OFFICE) =>
    inviteUser(inviter.director, { purpose: "MEMBER", email, establishmentId: inviter.establishment.id, membershipRole: "EDITOR" }, ip);

  /** As if `points` e-mails had been counted under `key` within the hour. */
  async function alreadyCounted(key: string, points: number) {
    await testDb.rateLimit.create({ data: { key, points, expire: new Date(Date.now() + 3_600_000) } });
  }

  it("lets a director send 50 invitations in an hour, re-sendings included, and refuses the 51st with the generic message", async () => {
    const team = await establishmentWithDirector(testDb);
    for (let index = 0; index < 49; index++) await invite(team, `collegue.${index}@test.fr`);
    // Sending one again (a lost e-mail) counts as one more.
    await invite(team, "collegue.0@test.fr");

    const refused = await invite(team, "collegue.0@test.fr").catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", status: 429, details: { retryAfterSeconds: expect.any(Number) } });
    expect((refused as Error).message).toMatch(/^Trop de tentatives\. Réessayez dans \d+ minutes?\.$/);
    expect(await testDb.outboxEmail.count({ where: { dedupeKey: { startsWith: "invitation:" } } })).toBe(50);

    // Another account at another address is not held up by this one.
    await expect(invite(await establishmentWithDirector(testDb), "autre@test.fr", "198.51.100.3")).resolves.toMatchObject({
      superseded: 0,
    });
  });

  it("counts access-recovery links in the same budget", async () => {
    const team = await establishmentWithDirector(testDb);
    const editor = await createUser(testDb, { establishmentId: team.establishment.id, membershipRole: "EDITOR", name: "Paul Martin" });
    await alreadyCounted(`links-sent-account:${team.director.userId}`, 50);

    await expect(issueAccessRecovery(team.director, editor.id, OFFICE)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(invite(team, "collegue@test.fr")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await testDb.outboxEmail.count()).toBe(0);
  });

  it("limits one address whichever account sends, so many accounts cannot add up their budgets", async () => {
    await alreadyCounted(`links-sent-ip:${OFFICE}`, 100);
    const manager = await programmeManager(testDb);

    await expect(
      inviteUser(manager, { purpose: "STAFF", email: "relecteur@test.fr", staffRole: "REVIEWER" }, OFFICE),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    await expect(invite(await establishmentWithDirector(testDb), "collegue@test.fr")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(
      inviteUser(manager, { purpose: "STAFF", email: "relecteur@test.fr", staffRole: "REVIEWER" }, "198.51.100.3"),
    ).resolves.toMatchObject({ superseded: 0 });
  });
});
