import { canCancelInvitation, requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { MembershipRole } from "@/lib/db/generated/enums";
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
      details: {
        email: invitation.email,
        purpose: invitation.purpose,
        ...(invitation.establishmentId ? { establishmentId: invitation.establishmentId } : {}),
      },
    });
  });
}

/** Why invitations were cancelled along with a change of the team (`cancelledBecause` in their audit entries). */
export type InvitationsCancelledBecause = "inviter-removed" | "inviter-left" | "inviter-demoted";

/**
 * Cancels, in the caller's transaction, the pending invitations a member sent for an establishment
 * that they could no longer send: all of them once taken off its team (a colleague who left, or was
 * dismissed, no longer brings people in), those to the direction once they leave it. Each is
 * audited as cancelled by whoever changed the team, and its link says the establishment's team
 * cancelled it. Returns how many.
 */
export async function cancelInvitationsSentBy(
  tx: Prisma.TransactionClient,
  input: {
    inviterId: string;
    establishmentId: string;
    roles: readonly MembershipRole[];
    because: InvitationsCancelledBecause;
    viewer: Viewer;
    ip: string | null;
  },
  now = new Date(),
): Promise<number> {
  const where = {
    purpose: "MEMBER" as const,
    invitedById: input.inviterId,
    establishmentId: input.establishmentId,
    membershipRole: { in: [...input.roles] },
    ...usableLinkWhere(now),
  };
  const pending = await tx.invitation.findMany({ where, select: { id: true, email: true } });
  if (pending.length === 0) return 0;
  await tx.invitation.updateMany({
    where: { ...where, id: { in: pending.map((invitation) => invitation.id) } },
    data: { cancelledAt: now, cancelledById: input.viewer.userId },
  });
  for (const invitation of pending) {
    await recordAudit(tx, {
      actor: auditActor(input.viewer),
      action: "invitation.cancelled",
      target: { type: "Invitation", id: invitation.id },
      ip: input.ip,
      details: { email: invitation.email, purpose: "MEMBER", establishmentId: input.establishmentId, cancelledBecause: input.because },
    });
  }
  return pending.length;
}
