import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { isoBase64URL, isoUint8Array } from "@simplewebauthn/server/helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createReviewer } from "@/test/factories";
import { finishPasskeySignIn } from "./authentication";
import { hashToken } from "@/lib/identity/tokens";
import { storeChallenge } from "./challenges";
import { softwarePasskey } from "./testing/software-authenticator";

/** The refusals a response can meet, and the limit on them (the browser ceremonies are e2e/passkeys.spec.ts's). */
describe("a refused passkey sign-in", () => {
  beforeEach(resetDatabase);

  /** An answer to a fresh challenge with this key, as the browser would send it, signed by nobody. */
  async function answer(credentialId: string, userHandle: string) {
    const challengeId = await storeChallenge({ challenge: "defi", purpose: "AUTHENTICATION" });
    const response = {
      id: credentialId,
      rawId: credentialId,
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON: "",
        authenticatorData: "",
        signature: "",
        userHandle: isoBase64URL.fromBuffer(isoUint8Array.fromUTF8String(userHandle)),
      },
    } as AuthenticationResponseJSON;
    return finishPasskeySignIn({ challengeId, response, ip: "203.0.113.7" });
  }

  /** A reviewer with a registered key (its public key is a placeholder: nothing here verifies). */
  async function reviewerWithKey() {
    const reviewer = await createReviewer(testDb);
    const key = `cle-${reviewer.userId}`;
    await testDb.webAuthnCredential.create({
      data: {
        id: key,
        userId: reviewer.userId,
        publicKey: Buffer.from([1]),
        deviceType: "singleDevice",
        backupEligible: false,
        backedUp: false,
        name: "Clé",
      },
    });
    return { reviewer, key };
  }

  it("is in the journal under the address of the account whose key was presented", async () => {
    const { reviewer, key } = await reviewerWithKey();

    await expect(answer(key, "un-autre-compte")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    const refusal = await testDb.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_failed", targetId: key } });
    expect(refusal).toMatchObject({ actorId: reviewer.userId, actorLabel: reviewer.email, targetType: "WebAuthnCredential" });
  });

  it("answers the 11th refused assertion naming one key with the generic rate-limit message, whether the key is registered or not", async () => {
    const { key } = await reviewerWithKey();
    // Nobody's key, as long as the browser may send (the counter's key is its hash: the store's keys are short).
    const unknown = "cle-inconnue-".padEnd(600, "x");
    for (const presented of [key, unknown]) {
      for (let failure = 0; failure < 10; failure++) {
        await expect(answer(presented, "un-autre-compte")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      }
    }

    const registered = await answer(key, "un-autre-compte").catch((error: unknown) => error);
    const nobodys = await answer(unknown, "un-autre-compte").catch((error: unknown) => error);
    for (const refused of [registered, nobodys]) {
      expect(refused).toMatchObject({ code: "RATE_LIMITED", status: 429, details: { retryAfterSeconds: expect.any(Number) } });
      expect((refused as Error).message).toMatch(/^Trop de tentatives\. Réessayez dans \d+ minutes?\.$/);
    }
    // The same words, but for the minutes left of each key's window.
    const words = (refused: unknown) => (refused as Error).message.replace(/\d+ minutes?/, "N minutes");
    expect(words(registered)).toBe(words(nobodys));
    // Still in the journal, like the failures before them.
    expect(await testDb.auditEvent.count({ where: { action: "auth.sign_in_failed", targetId: key } })).toBe(11);

    const other = await reviewerWithKey();
    await expect(answer(other.key, "un-autre-compte")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("never keeps the key's owner out: their own signed assertion signs in past the limit others reached on the key", async () => {
    const reviewer = await createReviewer(testDb);
    const passkey = await softwarePasskey(testDb, reviewer.userId);
    for (let failure = 0; failure < 10; failure++) await answer(passkey.id, "un-autre-compte").catch(() => undefined);
    await expect(answer(passkey.id, "un-autre-compte")).rejects.toMatchObject({ code: "RATE_LIMITED" });

    const challengeId = await storeChallenge({ challenge: "defi-du-titulaire", purpose: "AUTHENTICATION" });
    await expect(finishPasskeySignIn({ challengeId, response: passkey.assert("defi-du-titulaire"), ip: "198.51.100.9" })).resolves.toEqual({
      userId: reviewer.userId,
      credentialId: passkey.id,
    });
  });

  it("counts the failures again from zero once the 15-minute window has passed", async () => {
    const { key } = await reviewerWithKey();
    for (let failure = 0; failure < 10; failure++) await answer(key, "un-autre-compte").catch(() => undefined);
    await expect(answer(key, "un-autre-compte")).rejects.toMatchObject({ code: "RATE_LIMITED" });

    // The window's end, as the shared store sees it.
    await testDb.rateLimit.update({ where: { key: `sign-in-key:${hashToken(key)}` }, data: { expire: new Date(Date.now() - 1000) } });
    await expect(answer(key, "un-autre-compte")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
