import type { Prisma } from "@/lib/db/generated/client";
import type { ReviewTier } from "@/lib/db/generated/enums";
import { hasPermission, ROLE_PERMISSIONS, TIER_PERMISSION, verificationTiersOf } from "./policy";
import { isReviewerRole, type Viewer } from "./viewer";

/**
 * Scope in the query, not after it: these filters go into every list query, so a row the viewer
 * may not see is never even loaded. They mirror `decideApplicationAccess` / `canAccessEstablishment`.
 */
export function applicationsVisibleTo(viewer: Viewer): Prisma.ApplicationWhereInput {
  if (hasPermission(viewer, "establishment:read-any")) return {};
  const scopes: Prisma.ApplicationWhereInput[] = [
    { establishmentId: { in: viewer.memberships.map((membership) => membership.establishmentId) } },
  ];
  if (isReviewerRole(viewer.staffRole)) {
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

/**
 * Declarations of results waiting for the viewer's tiers: the ARS's in their regions, the ANS's
 * everywhere, never a dossier on which they declared a conflict. Mirrors `verifiesAt` in the policy.
 */
export function verificationsToCheckBy(viewer: Viewer): Prisma.ResultVerificationWhereInput {
  const scopes = verificationTiersOf(viewer).map((tier): Prisma.ResultVerificationWhereInput =>
    tier === "REGIONAL"
      ? { state: "WITH_ARS", declaration: { application: { establishment: { regionCode: { in: [...(viewer.regionCodes ?? [])] } } } } }
      : { state: "WITH_ANS" },
  );
  if (scopes.length === 0) return { id: { in: [] } };
  return {
    OR: scopes,
    declaration: {
      application: {
        state: "SELECTED",
        assignments: { none: { reviewerId: viewer.userId, conflict: { is: { hasConflict: true } } } },
      },
    },
  };
}

/** The people who verify a dossier's results at a tier (for their e-mails). Mirrors `verifiesAt`. */
export function verifiersAt(tier: ReviewTier, dossier: { id: string; regionCode: string }): Prisma.UserWhereInput {
  const roles = (Object.keys(ROLE_PERMISSIONS) as Array<keyof typeof ROLE_PERMISSIONS>).filter((role) =>
    ROLE_PERMISSIONS[role].includes(TIER_PERMISSION[tier]),
  );
  return {
    disabledAt: null,
    staffRole: { in: roles.filter((role) => role !== "MEMBER") },
    assignments: { none: { applicationId: dossier.id, conflict: { is: { hasConflict: true } } } },
    ...(tier === "REGIONAL" ? { reviewerRegions: { some: { regionCode: dossier.regionCode } } } : {}),
  };
}

/** A programme manager's own background exports (mirrors `canReadExport`). */
export function exportJobsVisibleTo(viewer: Viewer): Prisma.ExportJobWhereInput {
  if (!hasPermission(viewer, "programme:export")) return { id: { in: [] } };
  return { requestedById: viewer.userId };
}
