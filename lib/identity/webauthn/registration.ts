import { randomUUID } from "node:crypto";
import {
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { isoUint8Array } from "@simplewebauthn/server/helpers";
import { recordAudit } from "@/lib/audit/record-audit";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { INVITATION_STATUS_MESSAGES, requireInvitationForNewAccount } from "@/lib/identity/invitations";
import { consumeLinkAttempt } from "@/lib/identity/rate-limits";
import { consumeChallenge, storeChallenge } from "./challenges";
import { assertKeyNameFree } from "./credentials";
import { relyingParty } from "./relying-party";
import { usableLinkWhere } from "@/lib/identity/single-use-link";
import { ACCESS_RECOVERY_STATUS_MESSAGES, consumeAccessRecovery, requireUsableAccessRecovery } from "@/lib/identity/access-recovery";
import { requestDelivery } from "@/lib/jobs/worker";

/**
 * Who registers a key: a new account through its invitation, a signed-in user adding one, or a
 * person who lost their keys through the recovery link sent to them.
 */
export type KeyOwner = { kind: "invitation"; token: string } | { kind: "account"; viewer: Viewer } | { kind: "recovery"; token: string };

export async function startKeyRegistration(
  owner: KeyOwner,
  ip: string | null,
): Promise<{ challengeId: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  let userId: string;
  let userName: string;
  let invitationId: string | undefined;
  let recoveryId: string | undefined;
  let existing: { id: string; transports: string[] }[] = [];
  if (owner.kind === "invitation" || owner.kind === "recovery") {
    await consumeLinkAttempt(owner.token, ip);
  }
  if (owner.kind === "invitation") {
    const invitation = await requireInvitationForNewAccount(owner.token);
    userId = randomUUID();
    userName = invitation.email;
    invitationId = invitation.id;
  } else if (owner.kind === "recovery") {
    // The account's keys are all replaced: none is excluded, the lost one may be on this authenticator.
    const recovery = await requireUsableAccessRecovery(owner.token);
    userId = recovery.userId;
    userName = recovery.user.email;
    recoveryId = recovery.id;
  } else {
    userId = owner.viewer.userId;
    userName = owner.viewer.email;
    existing = await db.webAuthnCredential.findMany({ where: { userId }, select: { id: true, transports: true } });
  }
  const rp = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName,
    userID: isoUint8Array.fromUTF8String(userId),
    attestationType: "none",
    excludeCredentials: existing,
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
    timeout: 5 * 60_000,
  });
  const challengeId = await storeChallenge({ challenge: options.challenge, purpose: "REGISTRATION", userId, invitationId, recoveryId });
  return { challengeId, options };
}

export type FinishRegistration = {
  owner: KeyOwner;
  challengeId: string;
  response: RegistrationResponseJSON;
  /** How the user names this key (« Clé YubiKey du bureau »). */
  keyName: string;
  /** For a new account: how the person wants to be named. */
  displayName?: string;
  ip: string | null;
};

/**
 * Verifies the new key (origin, RP ID, user verification) and stores it. For an invitation, the
 * account is created and the invitation consumed in the same transaction: a second use of the link,
 * even concurrent, fails.
 */
export async function finishKeyRegistration(input: FinishRegistration): Promise<{ userId: string; credentialId: string }> {
  const challenge = await consumeChallenge(input.challengeId, "REGISTRATION");
  if (!challenge?.userId) throw new AppError("INVALID_STATE", "Le délai d'enregistrement de la clé a expiré. Recommencez.");
  const rp = relyingParty();
  const verification = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: challenge.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
  }).catch((error: Error) => {
    throw new AppError("INVALID_INPUT", `La clé n'a pas pu être enregistrée : ${error.message}`);
  });
  if (!verification.verified) throw new AppError("INVALID_INPUT", "La clé n'a pas pu être vérifiée.");
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  const keyName = input.keyName.trim().slice(0, 80) || "Clé d'accès";
  const userId = challenge.userId;
  const invitation = input.owner.kind === "invitation" ? await requireInvitationForNewAccount(input.owner.token) : null;
  if (invitation && invitation.id !== challenge.invitationId) throw new AppError("INVALID_STATE", INVITATION_STATUS_MESSAGES.unknown);
  const recovery = input.owner.kind === "recovery" ? await requireUsableAccessRecovery(input.owner.token) : null;
  if (recovery && (recovery.id !== challenge.recoveryId || recovery.userId !== userId))
    throw new AppError("INVALID_STATE", ACCESS_RECOVERY_STATUS_MESSAGES.unknown);

  // Everything below goes through `tx`: one connection, all or nothing.
  await db.$transaction(async (tx) => {
    if (invitation) {
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, ...usableLinkWhere(new Date()) },
        data: { usedAt: new Date() },
      });
      if (claimed.count !== 1) throw new AppError("INVALID_STATE", INVITATION_STATUS_MESSAGES.used);
      await tx.user.create({
        data: {
          id: userId,
          email: invitation.email,
          displayName: input.displayName?.trim() || invitation.email,
          staffRole: invitation.staffRole,
          memberships:
            invitation.establishmentId && invitation.membershipRole
              ? { create: { establishmentId: invitation.establishmentId, role: invitation.membershipRole } }
              : undefined,
        },
      });
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: userId } });
      await recordAudit(tx, {
        actor: { id: userId, label: invitation.email },
        action: "invitation.accepted",
        target: { type: "Invitation", id: invitation.id },
        ip: input.ip,
        details: { purpose: invitation.purpose, staffRole: invitation.staffRole, establishmentId: invitation.establishmentId },
      });
    } else if (recovery) {
      await consumeAccessRecovery(tx, recovery, input.ip);
    } else if (input.owner.kind === "account" && input.owner.viewer.userId !== userId) {
      throw new AppError("FORBIDDEN");
    }
    await assertKeyNameFree(tx, { userId, name: keyName, field: "keyName" });
    const exists = await tx.webAuthnCredential.findUnique({ where: { id: credential.id }, select: { id: true } });
    if (exists) throw new AppError("CONFLICT", "Cette clé est déjà enregistrée.");
    await tx.webAuthnCredential.create({
      data: {
        id: credential.id,
        userId,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: credential.transports ?? [],
        deviceType: credentialDeviceType,
        backupEligible: credentialDeviceType === "multiDevice",
        backedUp: credentialBackedUp,
        name: keyName,
      },
    });
    await recordAudit(tx, {
      actor:
        input.owner.kind === "account"
          ? auditActor(input.owner.viewer)
          : { id: userId, label: recovery ? recovery.user.email : "nouveau compte" },
      action: "credential.registered",
      target: { type: "WebAuthnCredential", id: credential.id },
      ip: input.ip,
      details: { name: keyName, deviceType: credentialDeviceType },
    });
  });
  if (recovery) requestDelivery();
  return { userId, credentialId: credential.id };
}
