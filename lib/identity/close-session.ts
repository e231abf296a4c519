import { authorizeSessionClosing } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { sessionEnd } from "./sessions";

/**
 * « Fermer cette session » on « Mon compte »: ends another of the viewer's sessions (a browser left
 * signed in elsewhere), which then opens nothing, and says in the audit log which device it was.
 */
export async function closeOwnSession(viewer: Viewer, sessionId: string, ip: string | null, now = new Date()): Promise<void> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { id: true, userId: true, device: true, revokedAt: true, expiresAt: true, lastSeenAt: true },
  });
  authorizeSessionClosing(viewer, session);
  const alreadyClosed = new AppError("INVALID_STATE", "Cette session est déjà fermée.");
  if (sessionEnd(session!, now) !== null) throw alreadyClosed;
  await db.$transaction(async (tx) => {
    // Conditional: of two closings at once, one ends the session and is audited, the other is told.
    const { count } = await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw alreadyClosed;
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "auth.session_closed",
      target: { type: "Session", id: sessionId },
      ip,
      details: { device: session!.device },
    });
  });
}
