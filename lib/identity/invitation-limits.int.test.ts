import { beforeEach, describe, expect, it } from "vitest";
import { createUser, establishmentWithDirector } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { acceptInvitationWithAccount } from "./accept-invitation-with-account";
import { inviteUser } from "./invitations";
import { hashToken } from "./tokens";
import { startKeyRegistration } from "./webauthn/registration";

/**
 * An invitation or access-recovery link is a secret in a URL: each link, and each address, gets a
 * bounded number of attempts per hour (shared store), refused with the generic message whether the
 * link exists or not.
 */
describe("attempts on invitation links", () => {
  beforeEach(resetDatabase);

  const HOME = "203.0.113.20";
  const GENERIC_REFUSAL = /^Trop de tentatives\. Réessayez dans \d+ minutes?\.$/;

  async function sentInvitation(email: string) {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const result = await inviteUser(director, { purpose: "MEMBER", email, establishmentId: establishment.id, membershipRole: "EDITOR" });
    return new URL(result.link).pathname.split("/").at(-1)!;
  }
  /** A token of the right shape that no invitation has. */
  const unknownToken = (suffix: string) => `lien-inconnu-${suffix}-`.padEnd(43, "x");
  /** What opening the link to register a key answers: the refusal, or the options. */
  const openToRegister = (token: string, ip: string | null = HOME) =>
    startKeyRegistration({ kind: "invitation", token }, ip).catch((error: unknown) => error);
  /** As if `points` attempts had been counted under `key` within the hour. */
  async function alreadyCounted(key: string, points: number) {
    await testDb.rateLimit.create({ data: { key, points, expire: new Date(Date.now() + 3_600_000) } });
  }

  it("refuses the 11th attempt on one link, from any address, like the 11th on a link that does not exist", async () => {
    const token = await sentInvitation("nouvelle.personne@test.fr");
    const missing = unknownToken("a");
    for (let attempt = 0; attempt < 10; attempt++) {
      // Each from another address: the per-link count is not the per-address one.
      expect(await openToRegister(token, `198.51.100.${attempt}`)).toMatchObject({ challengeId: expect.any(String) });
      expect(await openToRegister(missing, `198.51.100.${attempt}`)).toMatchObject({ code: "NOT_FOUND" });
    }

    const refusals = [await openToRegister(token, "192.0.2.50"), await openToRegister(missing, "192.0.2.50")];
    for (const refused of refusals) {
      expect(refused).toMatchObject({ code: "RATE_LIMITED", status: 429, details: { retryAfterSeconds: expect.any(Number) } });
      expect((refused as Error).message).toMatch(GENERIC_REFUSAL);
    }
    expect((refusals[0] as Error).message).toBe((refusals[1] as Error).message);

    // Another link is counted apart.
    expect(await openToRegister(await sentInvitation("autre.personne@test.fr"), "192.0.2.50")).toMatchObject({
      challengeId: expect.any(String),
    });
  });

  it("counts accepting with an existing account on the same link budget", async () => {
    const person = await createUser(testDb);
    const token = await sentInvitation(person.email);
    await alreadyCounted(`invitation-token:${hashToken(token)}`, 10);

    const refused = await acceptInvitationWithAccount(person.viewer, { token, ip: HOME }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    expect((refused as Error).message).toMatch(GENERIC_REFUSAL);
    expect(await testDb.membership.count({ where: { userId: person.id } })).toBe(0);
  });

  it("refuses an address past 30 attempts in the hour, whichever link it tries, and not another address", async () => {
    const token = await sentInvitation("nouvelle.personne@test.fr");
    const person = await createUser(testDb);
    const forPerson = await sentInvitation(person.email);
    await alreadyCounted(`invitation-ip:${HOME}`, 30);

    const refusals = [
      await openToRegister(token),
      await openToRegister(unknownToken("b")),
      await acceptInvitationWithAccount(person.viewer, { token: forPerson, ip: HOME }).catch((error: unknown) => error),
    ];
    for (const refused of refusals) {
      expect(refused).toMatchObject({ code: "RATE_LIMITED", status: 429 });
      expect((refused as Error).message).toMatch(GENERIC_REFUSAL);
    }

    expect(await openToRegister(token, "198.51.100.3")).toMatchObject({ challengeId: expect.any(String) });
    await expect(acceptInvitationWithAccount(person.viewer, { token: forPerson, ip: "198.51.100.3" })).resolves.toMatchObject({
      establishmentId: expect.any(String),
    });
  });
});
