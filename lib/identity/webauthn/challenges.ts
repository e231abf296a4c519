import { isRowId } from "@/lib/db/row-id";
import { db } from "@/lib/db/client";
import type { ChallengePurpose } from "@/lib/db/generated/enums";

/** A challenge answers one ceremony, within five minutes. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

export async function storeChallenge(input: {
  challenge: string;
  purpose: ChallengePurpose;
  userId?: string;
  invitationId?: string;
  recoveryId?: string;
}): Promise<string> {
  const { id } = await db.webAuthnChallenge.create({
    data: { ...input, expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS) },
    select: { id: true },
  });
  return id;
}

export type StoredChallenge = { challenge: string; userId: string | null; invitationId: string | null; recoveryId: string | null };

/**
 * Takes a challenge out of the store in one statement (DELETE … RETURNING): it is gone whatever the
 * outcome of the verification that follows, and two concurrent answers cannot both get it. Null
 * when unknown, already used, expired, or issued for another ceremony.
 */
export async function consumeChallenge(id: string, purpose: ChallengePurpose, now = new Date()): Promise<StoredChallenge | null> {
  if (!isRowId(id)) return null;
  const rows = await db.$queryRaw<Array<StoredChallenge & { purpose: ChallengePurpose; expiresAt: Date }>>`
    DELETE FROM "WebAuthnChallenge" WHERE "id" = ${id}::uuid
    RETURNING "challenge", "userId"::text AS "userId", "invitationId"::text AS "invitationId",
      "recoveryId"::text AS "recoveryId", "purpose", "expiresAt"`;
  const row = rows[0];
  if (!row || row.purpose !== purpose || row.expiresAt <= now) return null;
  return { challenge: row.challenge, userId: row.userId, invitationId: row.invitationId, recoveryId: row.recoveryId };
}

/** Housekeeping: challenges nobody answered. */
export async function deleteExpiredChallenges(now = new Date()): Promise<number> {
  const { count } = await db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
