import { authorizeTeamDeparture } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { cancelInvitationsSentBy } from "@/lib/identity/cancel-invitation";
import { requestDelivery } from "@/lib/jobs/worker";
import { establishmentUrl } from "@/lib/notifications/dossier-links";
import { memberLeftEmail } from "@/lib/notifications/member-left-email";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { INVITATIONS_LOST, lockTeam } from "./team";

/**
 * A member leaves an establishment's team of their own accord (a co-editor who changes jobs, a
 * director who handed over): they no longer see its dossiers nor its roster, from their next
 * request. The only director may not (the establishment's row is locked for the check, so that two
 * directors leaving at once cannot both succeed). The invitations they sent for it and still pending
 * are cancelled. Audited, and the directors who stay are told by e-mail.
 */
export async function leaveTeam(viewer: Viewer, input: { establishmentId: string; ip: string | null }): Promise<void> {
  const member = authorizeTeamDeparture(viewer, input.establishmentId);
  await db.$transaction(async (tx) => {
    const { name, member: leaving, members } = await lockTeam(tx, input.establishmentId, member.userId);
    authorizeTeamDeparture(member, input.establishmentId, members);
    await tx.membership.delete({ where: { userId_establishmentId: { userId: member.userId, establishmentId: input.establishmentId } } });
    await recordAudit(tx, {
      actor: auditActor(member),
      action: "membership.left",
      target: { type: "Establishment", id: input.establishmentId },
      ip: input.ip,
      details: { name: leaving.user.displayName, email: leaving.user.email, role: leaving.role },
    });
    // Whoever leaves the team no longer brings people into it.
    const invitationsCancelled = await cancelInvitationsSentBy(tx, {
      inviterId: member.userId,
      establishmentId: input.establishmentId,
      roles: INVITATIONS_LOST["leave-team"],
      because: "inviter-left",
      viewer: member,
      ip: input.ip,
    });
    const email = memberLeftEmail({
      establishment: name,
      name: leaving.user.displayName,
      email: leaving.user.email,
      teamUrl: `${establishmentUrl(input.establishmentId)}/membres`,
      invitationsCancelled,
    });
    const stamp = Date.now();
    for (const director of members.filter((other) => other.role === "DIRECTOR" && other.userId !== member.userId)) {
      await enqueueEmail(tx, {
        dedupeKey: `member-left:${input.establishmentId}:${member.userId}:${director.userId}:${stamp}`,
        to: director.user.email,
        ...email,
      });
    }
  });
  requestDelivery();
}
