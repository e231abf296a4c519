import { canCancelInvitation, requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { usableLinkWhere } from "./single-use-link";

/**
 * Cancels a pending invitation (an address mistyped, a person who will not come): whoever may send
 * it may cancel it (programme managers for the ANS team; for an establishment, those who may invite
 * at that role). Its link then says it was cancelled. Audited.
 */
export async function cancelInvitation(viewer: Viewer, invitationId: string, ip: string | null, now = new Date()): Promise<void> {
  const invitation = await db.invitation.findUnique({
    where: { id: invitationId },
    select: { purpose: true, email: true, establishmentId: true, membershipRole: true },
  });
  if (!invitation) throw new AppError("NOT_FOUND");
  if (invitation.purpose === "STAFF") requirePermission(viewer, "invitation:staff");
  else if (!canCancelInvitation(viewer, invitation)) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, ...usableLinkWhere(now) },
      data: { cancelledAt: now, cancelledById: viewer.userId },
    });
    if (count === 0)
      throw new AppError(
        "INVALID_STATE",
        "Cette invitation n'est plus en attente : elle a été acceptée, remplacée, annulée ou elle a expiré.",
      );
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "invitation.cancelled",
      target: { type: "Invitation", id: invitationId },
      ip,
      details: { email: invitation.email, purpose: invitation.purpose },
    });
  });
}
