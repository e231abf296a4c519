import type { MembershipRole } from "@/lib/db/generated/enums";

/** A member's role in their establishment, as the team page and the invitation form name it. */
export const MEMBERSHIP_ROLE_LABELS: Readonly<Record<MembershipRole, string>> = { DIRECTOR: "Direction", EDITOR: "Co-rédaction" };

/**
 * What an invitation to an establishment makes of the person, in the invitation e-mail and on the
 * invitation's page: « membre de « EHPAD Les Tilleuls », avec le rôle « Co-rédaction » », the role
 * as the team page names it.
 */
export function invitedMemberRole(establishment: string, role: MembershipRole): string {
  return `membre de « ${establishment} », avec le rôle « ${MEMBERSHIP_ROLE_LABELS[role]} »`;
}
