import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createReviewer } from "@/test/factories";
import { openSession, resumeSession } from "../sessions";
import { renameCredential, revokeCredential } from "./credentials";

/** The viewer's own keys on « Mon compte » (the ceremonies are e2e/passkeys.spec.ts's). */
describe("credentials", () => {
  beforeEach(resetDatabase);

  /** A key as a registration stores it: its bytes matter not, only whose it is and its name. */
  function storeKey(userId: string, id: string, name = id) {
    return testDb.webAuthnCredential.create({
      data: { id, userId, publicKey: Buffer.from([1]), deviceType: "singleDevice", backupEligible: false, backedUp: false, name },
    });
  }

  it("deleting a key ends the sessions it opened, in the same transaction, and says how many in the audit", async () => {
    const reviewer = await createReviewer(testDb);
    await storeKey(reviewer.userId, "cle-bureau", "Clé du bureau");
    await storeKey(reviewer.userId, "cle-portable", "Clé portable");
    const client = { ip: null, userAgent: null };
    const browserA = await openSession(reviewer.userId, "PASSKEY", { ...client, credentialId: "cle-bureau" });
    const browserB = await openSession(reviewer.userId, "PASSKEY", { ...client, credentialId: "cle-portable" });
    const demo = await openSession(reviewer.userId, "DEMO_LINK", client);

    await revokeCredential(reviewer, "cle-portable", "203.0.113.9");

    expect(await resumeSession(browserB)).toBeNull();
    expect(await resumeSession(browserA)).toBe(reviewer.userId);
    expect(await resumeSession(demo)).toBe(reviewer.userId);
    const ended = await testDb.session.findUniqueOrThrow({ where: { id: browserB }, select: { revokedAt: true, credentialId: true } });
    expect(ended).toEqual({ revokedAt: expect.any(Date), credentialId: "cle-portable" });
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "credential.revoked" } });
    expect(audit.details).toEqual({ name: "Clé portable", sessionsEnded: 1 });
  });

  it("says when the key deleted had opened the session the request comes from, which it ends too", async () => {
    const reviewer = await createReviewer(testDb);
    await storeKey(reviewer.userId, "cle-bureau");
    await storeKey(reviewer.userId, "cle-portable");
    await storeKey(reviewer.userId, "cle-secours");
    const client = { ip: null, userAgent: null };
    const here = await openSession(reviewer.userId, "PASSKEY", { ...client, credentialId: "cle-bureau" });
    const viewer = { ...reviewer, sessionId: here };
    await openSession(reviewer.userId, "PASSKEY", { ...client, credentialId: "cle-portable" });

    expect(await revokeCredential(viewer, "cle-portable", null)).toEqual({ endedCurrentSession: false });
    expect(await resumeSession(here)).toBe(reviewer.userId);
    expect(await revokeCredential(viewer, "cle-bureau", null)).toEqual({ endedCurrentSession: true });
    expect(await resumeSession(here)).toBeNull();
  });

  it("refuses a name another key of the account already has, case and spaces folded, on the name field", async () => {
    const reviewer = await createReviewer(testDb);
    const other = await createReviewer(testDb);
    await storeKey(reviewer.userId, "cle-1", "Clé principale");
    await storeKey(reviewer.userId, "cle-2", "Clé de secours");
    await storeKey(other.userId, "cle-3", "Clé du bureau");

    await expect(renameCredential(reviewer, "cle-2", "  clé   PRINCIPALE ", null)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { name: ["Une autre de vos clés porte déjà ce nom : choisissez-en un autre pour les distinguer."] },
    });
    // Its own name, re-cased, and another person's key's name are free.
    await renameCredential(reviewer, "cle-1", "CLÉ PRINCIPALE", null);
    await renameCredential(reviewer, "cle-2", "Clé du bureau", null);
    const names = await testDb.webAuthnCredential.findMany({ where: { userId: reviewer.userId }, orderBy: { id: "asc" } });
    expect(names.map((key) => key.name)).toEqual(["CLÉ PRINCIPALE", "Clé du bureau"]);
  });

  it("keeps the sessions when the deletion is refused (the last key)", async () => {
    const reviewer = await createReviewer(testDb);
    await storeKey(reviewer.userId, "seule-cle");
    const sid = await openSession(reviewer.userId, "PASSKEY", { ip: null, userAgent: null, credentialId: "seule-cle" });
    await expect(revokeCredential(reviewer, "seule-cle", null)).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await resumeSession(sid)).toBe(reviewer.userId);
  });
});
