import type { Prisma } from "@/lib/db/generated/client";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";

type TeamMember = { userId: string; role: MembershipRole; user: { email: string; displayName: string } };

/** A row of an establishment's team, as its rules need it. */
export type TeamRole = { userId: string; role: MembershipRole };

/**
 * Whether the person is the establishment's only director: they may neither leave the direction
 * nor the team (nor be made to), so that someone can still declare its results and invite.
 */
export function isOnlyDirector(team: readonly TeamRole[], userId: string): boolean {
  const directors = team.filter((member) => member.role === "DIRECTOR");
  return directors.length === 1 && directors[0]?.userId === userId;
}

/** How a member leaves a place in the team: the direction (made co-editor), or the team itself. */
export type TeamDeparture = "leave-direction" | "leave-team";

/**
 * The roles of the pending invitations a member loses when they leave: those they could no longer
 * send. A former director still invites co-editors; a former member invites no one.
 */
export const INVITATIONS_LOST: Readonly<Record<TeamDeparture, readonly MembershipRole[]>> = {
  "leave-direction": ["DIRECTOR"],
  "leave-team": ["DIRECTOR", "EDITOR"],
};

/** How many of the establishment's pending invitations a member would lose by leaving so. */
export function countInvitationsLost(
  pending: ReadonlyArray<{ invitedById: string | null; membershipRole: MembershipRole | null }>,
  userId: string,
  departure: TeamDeparture,
): number {
  return pending.filter(
    (invitation) => invitation.invitedById === userId && INVITATIONS_LOST[departure].includes(invitation.membershipRole ?? "EDITOR"),
  ).length;
}

/**
 * The confirmation a member answers before leaving the team themself (or a director, the
 * direction): what they will no longer do, the invitations they sent that stop, and how to come back.
 */
export function ownDepartureQuestion(departure: TeamDeparture, input: { establishment: string; invitationsLost: number }): string {
  const toDirection = departure === "leave-direction" ? " à la direction" : "";
  const lost =
    input.invitationsLost === 0
      ? ""
      : input.invitationsLost === 1
        ? ` L'invitation${toDirection} que vous avez envoyée et qui est en attente sera annulée.`
        : ` Les ${input.invitationsLost} invitations${toDirection} que vous avez envoyées et qui sont en attente seront annulées.`;
  return departure === "leave-direction"
    ? `Quitter la direction de « ${input.establishment} » ? Vous resterez dans l'équipe, en co-rédaction, mais ne pourrez plus gérer l'équipe (inviter à la direction, retirer une personne, changer un rôle) ni déclarer les résultats des dossiers retenus.${lost} Pour la retrouver, une autre personne de la direction devra vous la confier.`
    : `Quitter l'équipe de « ${input.establishment} » ? Vous n'accéderez plus à ses dossiers ni à la liste de ses professionnels.${lost} Pour revenir, une personne de la direction devra vous inviter de nouveau.`;
}

/**
 * An establishment's name and team, its row locked until the transaction ends: two changes of its
 * direction at once (two directors removing, or demoting, each other) are made one after the other,
 * so that the second sees the first and the establishment keeps a director.
 */
export async function lockTeam(tx: Prisma.TransactionClient, establishmentId: string, userId: string) {
  const [establishment] = await tx.$queryRaw<Array<{ name: string }>>`
    SELECT name FROM "Establishment" WHERE id = ${establishmentId}::uuid FOR UPDATE`;
  if (!establishment) throw new AppError("NOT_FOUND");
  const members: TeamMember[] = await tx.membership.findMany({
    where: { establishmentId },
    select: { userId: true, role: true, user: { select: { email: true, displayName: true } } },
  });
  const member = members.find((candidate) => candidate.userId === userId);
  // Removed meanwhile, or never on this team (an id from another page): true of both.
  if (!member) throw new AppError("NOT_FOUND", "Cette personne ne fait pas partie de l'équipe.");
  return { name: establishment.name, member, members, isOnlyDirector: isOnlyDirector(members, userId) };
}

/** What the team page's row offers to give the direction to a co-editor, as the refusals name it. */
export const PROMOTE_LABEL = "Passer à la direction";

const HOW_TO_HAND_OVER = `(« ${PROMOTE_LABEL} » dans la liste de l'équipe, ou une invitation si elle n'en fait pas encore partie)`;

/**
 * The refusal to leave an establishment without a director, ending with what to do then: `then`
 * when said of another, `thenYourself` (and « vous » throughout) when said to the director themself.
 */
export function lastDirectorMessages(then: string, thenYourself: string): { other: string; self: string } {
  return {
    other: `C'est la seule personne à la direction de l'établissement : confiez d'abord la direction à la personne qui lui succède ${HOW_TO_HAND_OVER}, puis ${then}.`,
    self: lastDirectorSelfMessage(thenYourself),
  };
}

function lastDirectorSelfMessage(thenYourself: string): string {
  return `Vous êtes la seule personne à la direction de l'établissement : confiez d'abord la direction à la personne qui vous succède ${HOW_TO_HAND_OVER}, puis ${thenYourself}.`;
}

/** Said on the team page to its only director, where the others have their buttons to leave the direction or the team. */
export const LAST_DIRECTOR_STAYS_NOTICE = lastDirectorSelfMessage("quittez la direction ou l'équipe");

/** The refusals to leave the establishment without a director: to whoever would remove its only director, and to that director leaving. */
export const { other: LAST_DIRECTOR_REMOVAL_MESSAGE, self: LAST_DIRECTOR_LEAVING_MESSAGE } = lastDirectorMessages(
  "retirez-la",
  "quittez l'équipe",
);
