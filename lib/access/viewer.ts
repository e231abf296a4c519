import type { MembershipRole, StaffRole } from "@/lib/db/generated/enums";

/** The signed-in person a request acts for, as the access policy sees them. */
export type Viewer = {
  userId: string;
  email: string;
  displayName: string;
  staffRole: StaffRole | null;
  memberships: ReadonlyArray<{ establishmentId: string; role: MembershipRole }>;
  sessionId: string;
  /** Regions an ARS reviewer (REGIONAL_REVIEWER) works for; none otherwise. */
  regionCodes?: readonly string[];
};

export type Role = "MEMBER" | "REVIEWER" | "REGIONAL_REVIEWER" | "PROGRAMME_MANAGER";

export function rolesOf(viewer: Pick<Viewer, "staffRole" | "memberships">): Role[] {
  const roles: Role[] = [];
  if (viewer.memberships.length > 0) roles.push("MEMBER");
  if (viewer.staffRole) roles.push(viewer.staffRole);
  return roles;
}

/** A reviewer of the ANS or of an ARS: who scores dossiers and has a reviewer's record (regions, affiliations). */
export function isReviewerRole(staffRole: StaffRole | null): staffRole is "REVIEWER" | "REGIONAL_REVIEWER" {
  return staffRole === "REVIEWER" || staffRole === "REGIONAL_REVIEWER";
}

export function isMemberOf(viewer: Viewer, establishmentId: string): boolean {
  return viewer.memberships.some((membership) => membership.establishmentId === establishmentId);
}

/** How audit entries name the person. */
export function auditActor(viewer: Viewer | null) {
  return viewer ? { id: viewer.userId, label: viewer.email } : { id: null, label: "anonyme" };
}
