import type { Prisma } from "@/lib/db/generated/client";

/**
 * An establishment's members as recipients of its e-mails: those whose account is open. A disabled
 * account is a person who left the establishment or whom a manager shut out; the dossier's news,
 * messages and decision letters must not follow them. Every e-mail to an establishment's members
 * reads them through this selection, of its `memberships` or of `membership` rows (narrowed to the
 * directors where only they are told).
 */
export const REACHABLE_MEMBERS = {
  where: { user: { disabledAt: null } },
  select: { user: { select: { id: true, email: true } } },
} as const satisfies Prisma.Establishment$membershipsArgs;

/**
 * The programme managers as recipients of the programme's e-mails (a message or an answer from an
 * establishment, a declared conflict): those whose account is open.
 */
export const REACHABLE_MANAGERS = {
  where: { staffRole: "PROGRAMME_MANAGER", disabledAt: null },
  select: { email: true },
} as const satisfies Prisma.UserFindManyArgs;
