import { usableLinkWhere } from "@/lib/identity/single-use-link";
import type { Prisma } from "@/lib/db/generated/client";
import type { ExtensionAudience } from "./extension-notice";

export type { ExtensionAudience };

/**
 * An establishment's invitations still pending at `now`, as `extensionAudience` names them: what
 * is said about an extension names who will see it on joining, since they are not e-mailed.
 */
export function pendingMemberInvitations(now: Date) {
  return {
    where: { purpose: "MEMBER", ...usableLinkWhere(now) },
    orderBy: { createdAt: "asc" },
    select: { email: true },
  } as const satisfies Prisma.Establishment$invitationsArgs;
}

/** Who hears of an extension (`extensionDoneMessage`): the members e-mailed, or the invitations pending. */
export function extensionAudience(establishment: {
  memberships: readonly unknown[];
  invitations: ReadonlyArray<{ email: string }>;
}): ExtensionAudience {
  return { members: establishment.memberships.length, invited: establishment.invitations.map((invitation) => invitation.email) };
}
