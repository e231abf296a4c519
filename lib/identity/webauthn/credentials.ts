import { recordAudit } from "@/lib/audit/record-audit";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/db/generated/client";
import { isKeyNameTaken, KEY_NAME_TAKEN } from "@/lib/identity/key-names";

/** The viewer's own keys, newest first. */
export function listOwnCredentials(viewer: Viewer) {
  return db.webAuthnCredential.findMany({
    where: { userId: viewer.userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, deviceType: true, backedUp: true, createdAt: true, lastUsedAt: true },
  });
}

async function ownCredential(viewer: Viewer, credentialId: string) {
  const credential = await db.webAuthnCredential.findUnique({
    where: { id: credentialId },
    select: { id: true, userId: true, name: true },
  });
  // Another person's key is reported as missing, like a key that does not exist.
  if (!credential || credential.userId !== viewer.userId) throw new AppError("NOT_FOUND", "Cette clé n'existe pas.");
  return credential;
}

/**
 * Refuses a name another key of the account already has (case and spaces folded): two « Clé
 * principale » could not be told apart on « Mon compte ». The account's keys are locked meanwhile,
 * so two names given at once cannot both pass. `field`: where the form shows the message.
 */
export async function assertKeyNameFree(
  tx: Prisma.TransactionClient,
  input: { userId: string; name: string; exceptId?: string; field: string },
): Promise<void> {
  const keys = await tx.$queryRaw<Array<{ id: string; name: string }>>`
    SELECT "id", "name" FROM "WebAuthnCredential" WHERE "userId" = ${input.userId}::uuid FOR UPDATE`;
  if (
    isKeyNameTaken(
      input.name,
      keys.filter((key) => key.id !== input.exceptId),
    )
  ) {
    throw new AppError("INVALID_INPUT", KEY_NAME_TAKEN, { fieldErrors: { [input.field]: [KEY_NAME_TAKEN] } });
  }
}

export async function renameCredential(viewer: Viewer, credentialId: string, name: string, ip: string | null): Promise<void> {
  const credential = await ownCredential(viewer, credentialId);
  await db.$transaction(async (tx) => {
    await assertKeyNameFree(tx, { userId: viewer.userId, name, exceptId: credential.id, field: "name" });
    await tx.webAuthnCredential.update({ where: { id: credential.id }, data: { name } });
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "credential.renamed",
      target: { type: "WebAuthnCredential", id: credential.id },
      ip,
      details: { from: credential.name, to: name },
    });
  });
}

/**
 * Revokes a key and ends the sessions it opened (another browser signed in with a lost key must not
 * keep working); the last key stays, or the person could no longer sign in. Says whether the
 * session the request comes from was one of them: the page then signs out and tells why.
 */
export async function revokeCredential(viewer: Viewer, credentialId: string, ip: string | null): Promise<{ endedCurrentSession: boolean }> {
  const credential = await ownCredential(viewer, credentialId);
  return db.$transaction(async (tx) => {
    // Lock the user's keys so two concurrent revocations cannot both pass the count.
    await tx.$queryRaw`SELECT "id" FROM "WebAuthnCredential" WHERE "userId" = ${viewer.userId}::uuid FOR UPDATE`;
    const remaining = await tx.webAuthnCredential.count({ where: { userId: viewer.userId } });
    if (remaining <= 1) {
      throw new AppError("INVALID_STATE", "Vous ne pouvez pas supprimer votre dernière clé : enregistrez d'abord une autre clé.");
    }
    await tx.webAuthnCredential.delete({ where: { id: credential.id } });
    const ended = await tx.session.updateManyAndReturn({
      where: { userId: viewer.userId, credentialId: credential.id, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "credential.revoked",
      target: { type: "WebAuthnCredential", id: credential.id },
      ip,
      details: { name: credential.name, sessionsEnded: ended.length },
    });
    return { endedCurrentSession: ended.some((session) => session.id === viewer.sessionId) };
  });
}
