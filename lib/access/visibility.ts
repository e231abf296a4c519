import type { Prisma } from "@/lib/db/generated/client";
import { hasPermission } from "./policy";
import type { Viewer } from "./viewer";

/**
 * Scope in the query, not after it: these filters go into every list query, so a row the viewer
 * may not see is never even loaded. They mirror `decideApplicationAccess` / `canAccessEstablishment`.
 */
export function establishmentsVisibleTo(viewer: Viewer): Prisma.EstablishmentWhereInput {
  if (hasPermission(viewer, "establishment:read-any")) return {};
  return { id: { in: viewer.memberships.map((membership) => membership.establishmentId) } };
}

export function applicationsVisibleTo(viewer: Viewer): Prisma.ApplicationWhereInput {
  if (hasPermission(viewer, "establishment:read-any")) return {};
  const scopes: Prisma.ApplicationWhereInput[] = [
    { establishmentId: { in: viewer.memberships.map((membership) => membership.establishmentId) } },
  ];
  if (viewer.staffRole === "REVIEWER" || viewer.staffRole === "REGIONAL_REVIEWER") {
    scopes.push({
      state: { not: "DRAFT" },
      assignments: { some: { reviewerId: viewer.userId, conflict: { is: { hasConflict: false } } } },
      ...(viewer.staffRole === "REGIONAL_REVIEWER" ? { establishment: { regionCode: { in: [...(viewer.regionCodes ?? [])] } } } : {}),
    });
  }
  return { OR: scopes };
}

/**
 * A reviewer's live assignments (no declared conflict; an ARS reviewer's only in their regions),
 * declared or not: what their queue lists. Mirrors `assignment()` in the policy.
 */
export function assignmentsVisibleTo(viewer: Viewer): Prisma.ReviewerAssignmentWhereInput {
  if (viewer.staffRole !== "REVIEWER" && viewer.staffRole !== "REGIONAL_REVIEWER") return { id: { in: [] } };
  return {
    reviewerId: viewer.userId,
    NOT: { conflict: { is: { hasConflict: true } } },
    application: {
      state: { not: "DRAFT" },
      ...(viewer.staffRole === "REGIONAL_REVIEWER" ? { establishment: { regionCode: { in: [...(viewer.regionCodes ?? [])] } } } : {}),
    },
  };
}

/** A programme manager's own background exports (mirrors `canReadExport`). */
export function exportJobsVisibleTo(viewer: Viewer): Prisma.ExportJobWhereInput {
  if (!hasPermission(viewer, "programme:export")) return { id: { in: [] } };
  return { requestedById: viewer.userId };
}
