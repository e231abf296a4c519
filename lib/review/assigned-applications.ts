import type { Viewer } from "@/lib/access/viewer";
import { requirePermission } from "@/lib/access/policy";
import { applicationsVisibleTo } from "@/lib/access/visibility";
import { db } from "@/lib/db/client";

/** The dossiers assigned to a reviewer (those in conflict are not even loaded). */
export function listAssignedApplications(viewer: Viewer) {
  requirePermission(viewer, "review:assigned");
  return db.application.findMany({
    where: { AND: [applicationsVisibleTo(viewer), { assignments: { some: { reviewerId: viewer.userId } } }] },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      state: true,
      projectTitle: true,
      establishment: { select: { name: true, city: true } },
      wave: { select: { title: true } },
      assignments: {
        where: { reviewerId: viewer.userId },
        select: { conflict: { select: { hasConflict: true } }, review: { select: { status: true } } },
      },
    },
  });
}
