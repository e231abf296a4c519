import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { isoBase64URL, isoUint8Array } from "@simplewebauthn/server/helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createReviewer } from "@/test/factories";
import { finishPasskeySignIn } from "./authentication";
import { storeChallenge } from "./challenges";

/** The refusals a response can meet before its signature is checked (the ceremonies are e2e/passkeys.spec.ts's). */
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

  it("answers the 11th failure on one account in 15 minutes with the generic rate-limit message, and not another account's", async () => {
    const { key } = await reviewerWithKey();
    for (let failure = 0; failure < 10; failure++) {
      await expect(answer(key, "un-autre-compte")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }

    const refused = await answer(key, "un-autre-compte").catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", status: 429, details: { retryAfterSeconds: expect.any(Number) } });
    expect((refused as Error).message).toMatch(/^Trop de tentatives\. Réessayez dans \d+ minutes?\.$/);
    // Still in the journal, like the failures before it.
    expect(await testDb.auditEvent.count({ where: { action: "auth.sign_in_failed", targetId: key } })).toBe(11);

    const other = await reviewerWithKey();
    await expect(answer(other.key, "un-autre-compte")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("counts the failures again from zero once the 15-minute window has passed", async () => {
    const { reviewer, key } = await reviewerWithKey();
    for (let failure = 0; failure < 10; failure++) await answer(key, "un-autre-compte").catch(() => undefined);
    await expect(answer(key, "un-autre-compte")).rejects.toMatchObject({ code: "RATE_LIMITED" });

    // The window's end, as the shared store sees it.
    await testDb.rateLimit.update({ where: { key: `sign-in-account:${reviewer.userId}` }, data: { expire: new Date(Date.now() - 1000) } });
    await expect(answer(key, "un-autre-compte")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
