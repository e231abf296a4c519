import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { sessionEnd } from "./sessions";

/** What "Mon compte" shows: memberships, live sessions, and the roster records carrying the user's RPPS. */
export async function getAccountOverview(viewer: Viewer, now = new Date()) {
  const { sessions, ...user } = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: {
      rpps: true,
      memberships: { select: { role: true, establishment: { select: { id: true, name: true, city: true } } } },
      sessions: {
        // Narrows the read; what is live is sessionEnd's to say (the idle period too), as for the sign-in.
        where: { revokedAt: null, expiresAt: { gt: now } },
        orderBy: { lastSeenAt: "desc" },
        select: {
          id: true,
          method: true,
          credentialId: true,
          device: true,
          createdAt: true,
          lastSeenAt: true,
          expiresAt: true,
          revokedAt: true,
        },
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
  const live = sessions.filter((session) => sessionEnd(session, now) === null);
  return {
    ...user,
    sessions: live.map(({ id, method, credentialId, device, createdAt, lastSeenAt }) => ({
      id,
      method,
      credentialId,
      device,
      createdAt,
      lastSeenAt,
    })),
    professionalRecords,
  };
}
