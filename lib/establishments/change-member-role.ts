import { authorizeMemberRoleChange } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { cancelInvitationsSentBy } from "@/lib/identity/cancel-invitation";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { memberRoleChangedEmail } from "@/lib/notifications/member-role-changed-email";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { MEMBERSHIP_ROLE_LABELS } from "./membership-role-labels";
import { INVITATIONS_LOST, lastDirectorMessages, lockTeam } from "./team";

export const { other: LAST_DIRECTOR_ROLE_MESSAGE, self: LAST_DIRECTOR_ROLE_SELF_MESSAGE } = lastDirectorMessages(
  "changez son rôle",
  "changez votre rôle",
);

/**
 * Gives a member of the team the direction, or takes it back (co-rédaction): a co-editor who
 * succeeds the director needs no invitation. The establishment keeps at least one director (its
 * row locked for the check, as a removal does). A director who leaves the direction loses their
 * pending invitations to it. Audited, and the person is told by e-mail.
 */
export async function changeMemberRole(
  viewer: Viewer,
  input: { establishmentId: string; userId: string; role: MembershipRole; ip: string | null },
): Promise<void> {
  authorizeMemberRoleChange(viewer, input.establishmentId);
  await db.$transaction(async (tx) => {
    const { name, member, isOnlyDirector } = await lockTeam(tx, input.establishmentId, input.userId);
    if (member.role === input.role)
      throw new AppError("INVALID_STATE", `Cette personne a déjà le rôle « ${MEMBERSHIP_ROLE_LABELS[input.role]} ».`);
    if (isOnlyDirector)
      throw new AppError("INVALID_STATE", input.userId === viewer.userId ? LAST_DIRECTOR_ROLE_SELF_MESSAGE : LAST_DIRECTOR_ROLE_MESSAGE);
    await tx.membership.update({
      where: { userId_establishmentId: { userId: input.userId, establishmentId: input.establishmentId } },
      data: { role: input.role },
    });
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "membership.role_changed",
      target: { type: "Establishment", id: input.establishmentId },
      ip: input.ip,
      details: { name: member.user.displayName, email: member.user.email, from: member.role, to: input.role },
    });
    // Leaving the direction, they could no longer invite to it: what they sent to it stops.
    if (member.role === "DIRECTOR")
      await cancelInvitationsSentBy(tx, {
        inviterId: input.userId,
        establishmentId: input.establishmentId,
        roles: INVITATIONS_LOST["leave-direction"],
        because: "inviter-demoted",
        viewer,
        ip: input.ip,
      });
    if (input.userId !== viewer.userId) {
      await enqueueEmail(tx, {
        dedupeKey: `member-role:${input.establishmentId}:${input.userId}:${input.role}:${Date.now()}`,
        to: member.user.email,
        ...memberRoleChangedEmail({ establishment: name, role: input.role, changedBy: viewer.displayName }),
      });
    }
  });
  requestDelivery();
}
