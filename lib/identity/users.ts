import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import type { StaffRole } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { cancelPendingAccessRecoveries } from "./access-recovery";
import { revokeAllSessions } from "./sessions";

/** ANS staff accounts, for programme managers. */
export function listStaff(viewer: Viewer) {
  requirePermission(viewer, "user:manage");
  return db.user.findMany({
    where: { staffRole: { not: null } },
    orderBy: [{ staffRole: "asc" }, { displayName: "asc" }],
    select: {
      id: true,
      email: true,
      displayName: true,
      staffRole: true,
      disabledAt: true,
      createdAt: true,
      _count: { select: { credentials: true } },
      sessions: { orderBy: { lastSeenAt: "desc" }, take: 1, select: { lastSeenAt: true } },
    },
  });
}

/**
 * Changes a staff member's role, or disables / re-enables the account (its sessions end at once).
 * A manager cannot change their own role or disable themselves: the programme keeps a manager.
 */
export async function updateStaffMember(
  viewer: Viewer,
  userId: string,
  change: { staffRole?: StaffRole; disabled?: boolean },
  ip: string | null,
): Promise<void> {
  requirePermission(viewer, "user:manage");
  if (userId === viewer.userId)
    throw new AppError("FORBIDDEN", "Vous ne pouvez pas modifier votre propre rôle ni désactiver votre compte.");
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, staffRole: true, disabledAt: true } });
  if (!user?.staffRole) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    if (change.staffRole && change.staffRole !== user.staffRole) {
      await tx.user.update({ where: { id: userId }, data: { staffRole: change.staffRole } });
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: "role.changed",
        target: { type: "User", id: userId },
        ip,
        details: { email: user.email, from: user.staffRole, to: change.staffRole },
      });
    }
    if (change.disabled !== undefined && change.disabled !== (user.disabledAt !== null)) {
      const now = new Date();
      await tx.user.update({ where: { id: userId }, data: { disabledAt: change.disabled ? now : null } });
      if (change.disabled) await cancelPendingAccessRecoveries(tx, userId, now);
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: change.disabled ? "user.disabled" : "user.enabled",
        target: { type: "User", id: userId },
        ip,
        details: { email: user.email },
      });
    }
  });
  if (change.disabled) await revokeAllSessions(userId);
}
