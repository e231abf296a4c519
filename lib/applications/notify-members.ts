import type { Db } from "@/lib/db/client";
import type { ApplicationState } from "@/lib/db/generated/enums";
import { ANNOUNCED_ONCE, type TransitionAction, UNANNOUNCED_ACTIONS } from "./state-machine";
import { applicationStateChangedEmail } from "@/lib/notifications/application-state-changed";
import { outboxRow } from "@/lib/notifications/outbox";
import { REACHABLE_MEMBERS } from "@/lib/notifications/recipients";

type Writer = Pick<Db, "application" | "outboxEmail">;

export type MemberNotice = {
  applicationId: string;
  version: number;
  action: TransitionAction;
  state: ApplicationState;
  comment?: string;
  responseDueAt?: Date | null;
};

/**
 * Queues, in the caller's transaction, the e-mail telling each member of the establishment that
 * the programme moved their dossier (`version` is the one the move started from: one e-mail per
 * move and person; one per dossier and person for a state announced once), unless the move is not
 * announced. Takes one move or many (one read, one insert).
 */
export async function notifyMembers(tx: Writer, moves: MemberNotice | readonly MemberNotice[]): Promise<void> {
  const list = (Array.isArray(moves) ? (moves as readonly MemberNotice[]) : [moves as MemberNotice]).filter(
    (move) => !UNANNOUNCED_ACTIONS.includes(move.action),
  );
  if (list.length === 0) return;
  const dossiers = await tx.application.findMany({
    where: { id: { in: list.map((move) => move.applicationId) } },
    select: {
      id: true,
      establishment: { select: { name: true, memberships: REACHABLE_MEMBERS } },
    },
  });
  const byId = new Map(dossiers.map((dossier) => [dossier.id, dossier.establishment]));
  const emails = list.flatMap((move) => {
    const establishment = byId.get(move.applicationId);
    if (!establishment) return [];
    const email = applicationStateChangedEmail({
      establishment: establishment.name,
      applicationId: move.applicationId,
      state: move.state,
      comment: move.comment,
      responseDueAt: move.responseDueAt,
    });
    return establishment.memberships.map(({ user }) => ({
      dedupeKey: ANNOUNCED_ONCE.includes(move.state)
        ? `state:${move.applicationId}:${move.state}:${user.email}`
        : `transition:${move.applicationId}:${move.version}:${user.email}`,
      to: user.email,
      subject: email.subject,
      text: email.text,
    }));
  });
  if (emails.length > 0) await tx.outboxEmail.createMany({ data: emails.map(outboxRow), skipDuplicates: true });
}
