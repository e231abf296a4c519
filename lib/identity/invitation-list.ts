import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";

/** Staff invitations, newest first, with their state, for programme managers. */
export async function listStaffInvitations(viewer: Viewer) {
  requirePermission(viewer, "invitation:staff");
  return db.invitation.findMany({
    where: { purpose: "STAFF" },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      email: true,
      staffRole: true,
      createdAt: true,
      expiresAt: true,
      usedAt: true,
      supersededAt: true,
      cancelledAt: true,
      invitedBy: { select: { displayName: true } },
    },
  });
}
