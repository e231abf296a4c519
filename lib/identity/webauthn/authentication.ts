import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  type PublicKeyCredentialRequestOptionsJSON,
  verifyAuthenticationResponse,
} from "@simplewebauthn/server";
import { isoBase64URL, isoUint8Array } from "@simplewebauthn/server/helpers";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { consumeAttempt } from "@/lib/identity/rate-limits";
import { hashToken } from "@/lib/identity/tokens";
import { ACCOUNT_DISABLED, SIGN_IN_REFUSED } from "@/lib/identity/sign-in-messages";
import type { PasskeyRefusal } from "@/lib/identity/sign-in-refusals";
import { consumeChallenge, storeChallenge } from "./challenges";
import { relyingParty } from "./relying-party";

/** Signing in with a passkey or a FIDO2 key: discoverable credentials, user verification required. */
export async function startPasskeySignIn(
  ip: string | null,
): Promise<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  await consumeAttempt("signInPerIp", ip);
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    userVerification: "required",
    timeout: 5 * 60_000,
  });
  const challengeId = await storeChallenge({ challenge: options.challenge, purpose: "AUTHENTICATION" });
  return { challengeId, options };
}

/**
 * `reason`: one of the refusals the journal names in French, or the WebAuthn verifier's own message.
 * `presentedKey`: the key id the response names, whoever's it is; `owner`: its account, when the key
 * is known, named by its address as its sign-ins are (nothing is typed to sign in with a passkey: an
 * unknown key is nobody's).
 *
 * Each refusal counts on the key presented, registered or not, so that the 11th in 15 minutes is the
 * same 429 whether the key exists or not: counted on the owner's account, as it was, only known keys
 * ever reached the limit, and the 429 told a registered key id from an unknown one. Only refusals
 * count and nothing is refused for the count before the signature is checked, so a valid assertion
 * always signs in: a passkey's signature cannot be guessed, and a lockout would let whoever knows a
 * key's id (the journal shows it) keep its owner out on a deadline day (ADR 0008). The flood itself is
 * held by the per-address limit, checked before any work.
 */
async function refuse(
  reason: PasskeyRefusal | { verifierMessage: string },
  ip: string | null,
  presentedKey: string | null,
  owner: { id: string; email: string } | null,
  message = SIGN_IN_REFUSED,
): Promise<never> {
  await recordAudit(db, {
    actor: owner ? { id: owner.id, label: owner.email } : { id: null, label: "anonyme" },
    action: "auth.sign_in_failed",
    target: presentedKey ? { type: "WebAuthnCredential", id: presentedKey } : undefined,
    ip,
    details: { method: "PASSKEY", reason: typeof reason === "string" ? reason : reason.verifierMessage },
  });
  // Hashed: the id is the caller's to choose, of any length.
  if (presentedKey) await consumeAttempt("signInFailuresPerKey", hashToken(presentedKey));
  throw new AppError("UNAUTHENTICATED", message);
}

/**
 * Verifies a sign-in assertion and returns the user it proves, with the key (the session records
 * it). Refuses (and audits) an unknown key, a key presented for another account (userHandle),
 * missing user verification, a replayed or expired challenge, a changed backup-eligibility flag, a
 * signature counter that did not advance (a possible cloned key, flagged apart), all with one
 * message; and a disabled account, said as such, but only once the signature is verified: an
 * unauthenticated caller learns nothing of an account's status.
 */
export async function finishPasskeySignIn(input: {
  challengeId: string;
  response: AuthenticationResponseJSON;
  ip: string | null;
}): Promise<{ userId: string; credentialId: string }> {
  const { challengeId, response, ip } = input;
  await consumeAttempt("signInPerIp", ip);
  const presentedKey = typeof response?.id === "string" ? response.id : null;
  const challenge = await consumeChallenge(challengeId, "AUTHENTICATION");
  if (!challenge) return refuse("challenge unknown, used or expired", ip, presentedKey, null);

  const credential = await db.webAuthnCredential.findUnique({
    where: { id: response.id },
    select: {
      id: true,
      userId: true,
      publicKey: true,
      counter: true,
      transports: true,
      backupEligible: true,
      user: { select: { id: true, email: true, disabledAt: true } },
    },
  });
  if (!credential) return refuse("unknown credential", ip, presentedKey, null);

  const userHandle = response.response.userHandle;
  if (userHandle && isoUint8Array.toUTF8String(isoBase64URL.toBuffer(userHandle)) !== credential.userId) {
    return refuse("userHandle does not match the credential's account", ip, credential.id, credential.user);
  }

  const rp = relyingParty();
  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      credential: {
        id: credential.id,
        publicKey: new Uint8Array(credential.publicKey),
        counter: Number(credential.counter),
        transports: credential.transports,
      },
    });
  } catch (error) {
    const message = (error as Error).message;
    if (/counter/i.test(message)) {
      await recordAudit(db, {
        actor: { id: credential.user.id, label: credential.user.email },
        action: "credential.clone_suspected",
        target: { type: "WebAuthnCredential", id: credential.id },
        ip,
        details: { storedCounter: credential.counter.toString(), reason: message },
      });
    }
    return refuse({ verifierMessage: message }, ip, credential.id, credential.user);
  }
  if (!verification.verified) return refuse("signature not verified", ip, credential.id, credential.user);

  const { newCounter, credentialDeviceType, credentialBackedUp } = verification.authenticationInfo;
  if ((credentialDeviceType === "multiDevice") !== credential.backupEligible) {
    return refuse("backup eligibility changed since registration", ip, credential.id, credential.user);
  }
  if (credential.user.disabledAt) return refuse("account disabled", ip, credential.id, credential.user, ACCOUNT_DISABLED);

  // Compare-and-swap on the counter: of two concurrent uses of the same assertion, one wins.
  const updated = await db.webAuthnCredential.updateMany({
    where: { id: credential.id, counter: credential.counter },
    data: { counter: BigInt(newCounter), backedUp: credentialBackedUp, lastUsedAt: new Date() },
  });
  if (updated.count !== 1) return refuse("counter changed concurrently", ip, credential.id, credential.user);
  return { userId: credential.userId, credentialId: credential.id };
}
