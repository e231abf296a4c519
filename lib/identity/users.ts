import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { StaffRole } from "@/lib/db/generated/enums";
import { ZPageFilter, ZSearchFilter } from "@/lib/http/list-filters";
import { nameSearchWhere } from "@/lib/db/search-fold";
import { AppError } from "@/lib/errors/app-error";
import { assignmentsOutsideProfile, outsideProfileMessage } from "@/lib/review/profile-coverage";
import { heldAssignments } from "@/lib/review/save-reviewer-profile";
import { cancelPendingAccessRecoveries } from "./access-recovery";
import { revokeAllSessions } from "./sessions";

export const STAFF_PAGE_SIZE = 50;

/** The ANS accounts list's filters, from the query string. */
export const ZStaffFilters = z.object({
  role: z.enum(StaffRole).optional().catch(undefined),
  search: ZSearchFilter,
  page: ZPageFilter,
});
export type TStaffFilters = z.infer<typeof ZStaffFilters>;

function staffWhere(filters: TStaffFilters): Prisma.UserWhereInput {
  return {
    staffRole: filters.role ?? { not: null },
    ...(filters.search ? nameSearchWhere(filters.search) : {}),
  };
}

/** One page of the ANS and ARS staff accounts, by role then name, for programme managers. */
export async function listStaff(viewer: Viewer, filters: TStaffFilters) {
  requirePermission(viewer, "user:manage");
  const where = staffWhere(filters);
  const [total, rows] = await Promise.all([db.user.count({ where }), listStaffPage(where, filters.page)]);
  return { total, rows, pageCount: Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE)) };
}

function listStaffPage(where: Prisma.UserWhereInput, page: number) {
  return db.user.findMany({
    where,
    orderBy: [{ staffRole: "asc" }, { displayName: "asc" }, { id: "asc" }],
    skip: (page - 1) * STAFF_PAGE_SIZE,
    take: STAFF_PAGE_SIZE,
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
      // As on the reviewer's profile: never from under the reviews they still have to do.
      const outside = assignmentsOutsideProfile(await heldAssignments(tx, userId), { staffRole: change.staffRole, regionCodes: [] });
      if (outside.length > 0) throw new AppError("INVALID_STATE", outsideProfileMessage(outside));
      await tx.user.update({ where: { id: userId }, data: { staffRole: change.staffRole } });
      // Regions are an ARS reviewer's; none of the roles given here has any.
      await tx.reviewerRegion.deleteMany({ where: { userId } });
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
