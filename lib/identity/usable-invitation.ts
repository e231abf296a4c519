/** The invitations whose link still works: not used, not replaced by a newer one, not cancelled, not expired. */
export function usableInvitationWhere(now: Date) {
  return { usedAt: null, supersededAt: null, cancelledAt: null, expiresAt: { gt: now } } as const;
}

export type InvitationStatus = "valid" | "used" | "superseded" | "cancelled" | "expired" | "unknown";

/** The dates of a single-use link: an invitation's, or an access recovery's (which has no cancellation). */
type InvitationDates = { usedAt: Date | null; supersededAt: Date | null; cancelledAt?: Date | null; expiresAt: Date };

/** Why an invitation's link works or not, in the order `usableInvitationWhere` checks it; « unknown » is for no invitation. */
export function invitationStatus(invitation: InvitationDates, now: Date): Exclude<InvitationStatus, "unknown">;
export function invitationStatus(invitation: InvitationDates | null, now: Date): InvitationStatus;
export function invitationStatus(invitation: InvitationDates | null, now: Date): InvitationStatus {
  if (!invitation) return "unknown";
  if (invitation.usedAt) return "used";
  if (invitation.supersededAt) return "superseded";
  if (invitation.cancelledAt) return "cancelled";
  return invitation.expiresAt <= now ? "expired" : "valid";
}
