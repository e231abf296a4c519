import { recordAudit } from "@/lib/audit/record-audit";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { INVITATION_STATUS_MESSAGES, requireUsableInvitation } from "./invitations";
import { consumeAttempt } from "./rate-limits";
import { hashToken } from "./tokens";
import { usableLinkWhere } from "./single-use-link";

/**
 * An invitation sent to an address that already has an account is accepted by that account,
 * signed in (never by registering a new key through the link: the link proves only the mailbox,
 * and would otherwise open the existing account to whoever reads it). A member invitation adds the
 * establishment to the account; a staff invitation gives it the role.
 */
export async function acceptInvitationWithAccount(
  viewer: Viewer,
  input: { token: string; ip: string | null },
): Promise<{ establishmentId: string | null }> {
  await consumeAttempt("invitationPerIp", input.ip);
  await consumeAttempt("invitationPerToken", hashToken(input.token));
  const invitation = await requireUsableInvitation(input.token);
  if (invitation.email !== viewer.email.toLowerCase()) {
    throw new AppError(
      "FORBIDDEN",
      `Cette invitation a été envoyée à ${invitation.email} : connectez-vous avec le compte de cette adresse pour l'accepter.`,
    );
  }
  await db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, ...usableLinkWhere(new Date()) },
      data: { usedAt: new Date(), acceptedById: viewer.userId },
    });
    if (claimed.count !== 1) throw new AppError("INVALID_STATE", INVITATION_STATUS_MESSAGES.used);
    if (invitation.establishmentId && invitation.membershipRole) {
      await tx.membership.upsert({
        where: { userId_establishmentId: { userId: viewer.userId, establishmentId: invitation.establishmentId } },
        create: { userId: viewer.userId, establishmentId: invitation.establishmentId, role: invitation.membershipRole },
        update: {},
      });
    }
    if (invitation.staffRole) await tx.user.update({ where: { id: viewer.userId }, data: { staffRole: invitation.staffRole } });
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "invitation.accepted",
      target: { type: "Invitation", id: invitation.id },
      ip: input.ip,
      details: {
        purpose: invitation.purpose,
        existingAccount: true,
        staffRole: invitation.staffRole,
        establishmentId: invitation.establishmentId,
      },
    });
  });
  return { establishmentId: invitation.establishmentId };
}
