/**
 * The single-use links sent by e-mail (an invitation, an access recovery): one rule for when their
 * link still works, for the queries and for the pages that say why it does not.
 */

/** The links that still work: not used, not replaced by a newer one, not cancelled, not expired. */
export function usableLinkWhere(now: Date) {
  return { usedAt: null, supersededAt: null, cancelledAt: null, expiresAt: { gt: now } } as const;
}

export type LinkStatus = "valid" | "used" | "superseded" | "cancelled" | "expired" | "unknown";

type LinkDates = { usedAt: Date | null; supersededAt: Date | null; cancelledAt: Date | null; expiresAt: Date };

/** Why a link works or not, in the order `usableLinkWhere` checks it; « unknown » is for no link. */
export function linkStatus(link: LinkDates, now: Date): Exclude<LinkStatus, "unknown">;
export function linkStatus(link: LinkDates | null, now: Date): LinkStatus;
export function linkStatus(link: LinkDates | null, now: Date): LinkStatus {
  if (!link) return "unknown";
  if (link.usedAt) return "used";
  if (link.supersededAt) return "superseded";
  if (link.cancelledAt) return "cancelled";
  return link.expiresAt <= now ? "expired" : "valid";
}
