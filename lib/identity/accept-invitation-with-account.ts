import { recordAudit } from "@/lib/audit/record-audit";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { invitationRefusal } from "@/lib/access/policy";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { INVITATION_STATUS_MESSAGES, invitedAccount, requireUsableInvitation } from "./invitations";
import { consumeLinkAttempt } from "./rate-limits";
import { usableLinkWhere } from "./single-use-link";

/**
 * An invitation sent to an address that already has an account is accepted by that account,
 * signed in (never by registering a new key through the link: the link proves only the mailbox,
 * and would otherwise open the existing account to whoever reads it). A member invitation adds the
 * establishment to the account; a staff invitation gives the role to an account that has none. What
 * the policy refuses (`invitationRefusal`: a staff role changed, both sides on one account) is
 * refused here too, even when it was not when the invitation was sent; the role given is audited
 * with what it was before.
 */
export async function acceptInvitationWithAccount(
  viewer: Viewer,
  input: { token: string; ip: string | null },
): Promise<{ establishmentId: string | null }> {
  await consumeLinkAttempt(input.token, input.ip);
  const invitation = await requireUsableInvitation(input.token);
  if (invitation.email !== viewer.email.toLowerCase()) {
    throw new AppError(
      "FORBIDDEN",
      `Cette invitation a été envoyée à ${invitation.email} : connectez-vous avec le compte de cette adresse pour l'accepter.`,
    );
  }
  await db.$transaction(async (tx) => {
    // Two invitations accepted at once by one account would each find it without the other's role.
    await lockUntilCommit(tx, `account-roles:${viewer.userId}`);
    const account = await invitedAccount(tx, { id: viewer.userId });
    if (!account) throw new AppError("UNAUTHENTICATED");
    // Checked again: the account may have taken a role since the invitation was sent.
    const refusal = invitationRefusal(account, invitation.purpose, "invitee");
    if (refusal) throw new AppError("INVALID_STATE", refusal);
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, ...usableLinkWhere(new Date()) },
      data: { usedAt: new Date(), acceptedById: viewer.userId },
    });
    if (claimed.count !== 1) throw new AppError("INVALID_STATE", INVITATION_STATUS_MESSAGES.used);
    let role: { from: string | null; to: string } | null = null;
    if (invitation.establishmentId && invitation.membershipRole) {
      const where = { userId_establishmentId: { userId: viewer.userId, establishmentId: invitation.establishmentId } };
      const existing = await tx.membership.findUnique({ where, select: { role: true } });
      if (!existing) {
        await tx.membership.create({
          data: { userId: viewer.userId, establishmentId: invitation.establishmentId, role: invitation.membershipRole },
        });
      }
      role = { from: existing?.role ?? null, to: existing?.role ?? invitation.membershipRole };
    }
    if (invitation.staffRole) {
      await tx.user.update({ where: { id: viewer.userId }, data: { staffRole: invitation.staffRole } });
      role = { from: account.staffRole, to: invitation.staffRole };
    }
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "invitation.accepted",
      target: { type: "Invitation", id: invitation.id },
      ip: input.ip,
      details: {
        purpose: invitation.purpose,
        existingAccount: true,
        role,
        establishmentId: invitation.establishmentId,
      },
    });
  });
  return { establishmentId: invitation.establishmentId };
}
