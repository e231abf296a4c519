import type { Prisma } from "@/lib/db/generated/client";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";

type TeamMember = { userId: string; role: MembershipRole; user: { email: string; displayName: string } };

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
  const isOnlyDirector = member.role === "DIRECTOR" && members.filter((candidate) => candidate.role === "DIRECTOR").length === 1;
  return { name: establishment.name, member, isOnlyDirector };
}

/** What the team page's row offers to give the direction to a co-editor, as the refusals name it. */
export const PROMOTE_LABEL = "Passer à la direction";

/**
 * The refusal to leave an establishment without a director, ending with what to do then: `then`
 * when said of another, `thenYourself` (and « vous » throughout) when said to the director themself.
 */
export function lastDirectorMessages(then: string, thenYourself: string): { other: string; self: string } {
  const howToHandOver = `(« ${PROMOTE_LABEL} » dans la liste de l'équipe, ou une invitation si elle n'en fait pas encore partie)`;
  return {
    other: `C'est la seule personne à la direction de l'établissement : confiez d'abord la direction à la personne qui lui succède ${howToHandOver}, puis ${then}.`,
    self: `Vous êtes la seule personne à la direction de l'établissement : confiez d'abord la direction à la personne qui vous succède ${howToHandOver}, puis ${thenYourself}.`,
  };
}
