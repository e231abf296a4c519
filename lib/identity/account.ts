import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";

/** What "Mon compte" shows: memberships, live sessions, and the roster records carrying the user's RPPS. */
export async function getAccountOverview(viewer: Viewer) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: {
      rpps: true,
      memberships: { select: { role: true, establishment: { select: { id: true, name: true, city: true } } } },
      sessions: {
        where: { revokedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { lastSeenAt: "desc" },
        select: { id: true, method: true, createdAt: true, lastSeenAt: true, userAgent: true },
      },
    },
  });
  const professionalRecords = user.rpps
    ? await db.professional.findMany({
        where: { rpps: user.rpps, establishmentId: { in: viewer.memberships.map((membership) => membership.establishmentId) } },
        select: {
          id: true,
          lastName: true,
          firstName: true,
          rppsStatus: true,
          establishment: { select: { name: true } },
          profession: { select: { label: true } },
        },
      })
    : [];
  return { ...user, professionalRecords };
}
