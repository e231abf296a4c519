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

  it("is in the journal under the address of the account whose key was presented", async () => {
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

    await expect(answer(key, "un-autre-compte")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    const refusal = await testDb.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_failed", targetId: key } });
    expect(refusal).toMatchObject({ actorId: reviewer.userId, actorLabel: reviewer.email, targetType: "WebAuthnCredential" });
  });
});
