/** The invitations whose link still works: not used, not replaced by a newer one, not expired. */
export function usableInvitationWhere(now: Date) {
  return { usedAt: null, supersededAt: null, expiresAt: { gt: now } } as const;
}
