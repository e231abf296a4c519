import type { MembershipRole } from "@/lib/db/generated/enums";

/** A member's role in their establishment, as the team page and the invitation form name it. */
export const MEMBERSHIP_ROLE_LABELS: Readonly<Record<MembershipRole, string>> = { DIRECTOR: "Direction", EDITOR: "Co-rédaction" };
