import { authorizeMemberRemoval } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { cancelInvitationsSentBy } from "@/lib/identity/cancel-invitation";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { memberRemovedEmail } from "@/lib/notifications/member-removed-email";
import { leaveTeam } from "./leave-team";
import { INVITATIONS_LOST, LAST_DIRECTOR_REMOVAL_MESSAGE, lockTeam } from "./team";

/**
 * Takes a person off an establishment's team (a colleague who left): they no longer see its
 * dossiers nor its roster, from their next request. The establishment keeps at least one director,
 * so that someone can still declare its results and invite; two directors removing each other at
 * once cannot both succeed (the establishment's row is locked for the check). The invitations they
 * sent for it and still pending are cancelled. Audited, and the person is told by e-mail.
 */
export async function removeMember(viewer: Viewer, input: { establishmentId: string; userId: string; ip: string | null }): Promise<void> {
  // Taking oneself off is leaving the team, whoever one is: its rules, its journal entry, its e-mails.
  if (input.userId === viewer.userId) return leaveTeam(viewer, input);
  authorizeMemberRemoval(viewer, input.establishmentId);
  await db.$transaction(async (tx) => {
    const { name, member, isOnlyDirector } = await lockTeam(tx, input.establishmentId, input.userId);
    if (isOnlyDirector) throw new AppError("INVALID_STATE", LAST_DIRECTOR_REMOVAL_MESSAGE);
    await tx.membership.delete({ where: { userId_establishmentId: { userId: input.userId, establishmentId: input.establishmentId } } });
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "membership.removed",
      target: { type: "Establishment", id: input.establishmentId },
      ip: input.ip,
      details: { name: member.user.displayName, email: member.user.email, role: member.role },
    });
    // Whoever leaves the team no longer brings people into it.
    await cancelInvitationsSentBy(tx, {
      inviterId: input.userId,
      establishmentId: input.establishmentId,
      roles: INVITATIONS_LOST["leave-team"],
      because: "inviter-removed",
      viewer,
      ip: input.ip,
    });
    await enqueueEmail(tx, {
      dedupeKey: `member-removed:${input.establishmentId}:${input.userId}:${Date.now()}`,
      to: member.user.email,
      ...memberRemovedEmail({ establishment: name, removedBy: viewer.displayName }),
    });
  });
  requestDelivery();
}
