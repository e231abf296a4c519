import { isRowId } from "@/lib/db/row-id";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { errorFields, logger } from "@/lib/observability/logger";
import type { AuthMethod, MembershipRole, StaffRole } from "@/lib/db/generated/enums";
import { describeDevice } from "./device-description";

/**
 * Server-side records of signed-in sessions. The session cookie (a next-auth JWT) only carries the
 * record's id: signing out, an idle period or the absolute lifetime end the record, and a replayed
 * cookie then opens nothing.
 */
const MINUTE = 60_000;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = MINUTE;

export async function openSession(
  userId: string,
  method: AuthMethod,
  client: { ip: string | null; userAgent: string | null; credentialId?: string | null },
  now = new Date(),
): Promise<string> {
  // Cut before parsing too: the parser's regular expressions then never see an oversized header.
  const userAgent = client.userAgent?.slice(0, 300) ?? null;
  const { id } = await db.session.create({
    data: {
      userId,
      method,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + env.SESSION_LIFETIME_MINUTES * MINUTE),
      ip: client.ip,
      userAgent,
      device: describeDevice(userAgent),
      // The key that opened it: deleting that key ends the session (revokeCredential).
      credentialId: client.credentialId ?? null,
    },
    select: { id: true },
  });
  return id;
}

export type SessionEnd = "revoked" | "expired" | "idle";

/** Why a session record no longer opens anything, or null while it is alive. */
export function sessionEnd(
  session: { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date },
  now: Date,
  idleMinutes = env.SESSION_IDLE_MINUTES,
): SessionEnd | null {
  if (session.revokedAt) return "revoked";
  if (now >= session.expiresAt) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= idleMinutes * MINUTE) return "idle";
  return null;
}

/** What a page needs of the signed-in person, read with their session. */
export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  staffRole: StaffRole | null;
  disabledAt: Date | null;
  memberships: Array<{ establishmentId: string; role: MembershipRole }>;
  reviewerRegions: Array<{ regionCode: string }>;
};

type SessionRow = SessionUser & { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date };

/**
 * The user of a live session (and keeps it alive), or null: one statement for the session and its
 * user, since every signed-in page and route asks first. Raw, its rows need no mapping: cheaper
 * than the same read through Prisma's nested `select` (ADR 0029).
 */
export async function resumeSessionUser(sessionId: string, now = new Date()): Promise<SessionUser | null> {
  if (!isRowId(sessionId)) return null;
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s."revokedAt", s."expiresAt", s."lastSeenAt",
      u.id, u.email, u."displayName", u."staffRole"::text AS "staffRole", u."disabledAt",
      coalesce((SELECT json_agg(json_build_object('establishmentId', m."establishmentId", 'role', m.role))
                FROM "Membership" m WHERE m."userId" = u.id), '[]'::json) AS memberships,
      coalesce((SELECT json_agg(json_build_object('regionCode', r."regionCode"))
                FROM "ReviewerRegion" r WHERE r."userId" = u.id), '[]'::json) AS "reviewerRegions"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId}::uuid`;
  if (!row || sessionEnd(row, now) !== null) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    // A server that refuses writes (read-only after a failover onto a standby, a full disk) still
    // serves reads: the visit is not recorded, which at worst ends the session sooner, but the page
    // is served rather than the error page.
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } }).catch((error: unknown) => {
      if (!isDatabaseUnavailable(error)) throw error;
      logger.warn(errorFields(error), "session: last visit not recorded, the database refused the write");
    });
  }
  const { id, email, displayName, staffRole, disabledAt, memberships, reviewerRegions } = row;
  return { id, email, displayName, staffRole, disabledAt, memberships, reviewerRegions };
}

/** The id of the user of a live session (and keeps it alive), or null. */
export async function resumeSession(sessionId: string, now = new Date()): Promise<string | null> {
  return (await resumeSessionUser(sessionId, now))?.id ?? null;
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session of a user (sign-out everywhere, a disabled account, a revoked key). */
export async function revokeAllSessions(userId: string): Promise<number> {
  const { count } = await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
