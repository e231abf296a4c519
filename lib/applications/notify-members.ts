import type { Db } from "@/lib/db/client";
import type { ApplicationState } from "@/lib/db/generated/enums";
import { applicationStateChangedEmail } from "@/lib/notifications/application-state-changed";
import { enqueueEmail } from "@/lib/notifications/outbox";

type Writer = Pick<Db, "establishment" | "application" | "outboxEmail">;

/**
 * Queues, in the caller's transaction, the e-mail telling each member of the establishment that
 * the programme moved their dossier (`version` is the one the move started from: one e-mail per move).
 */
export async function notifyMembers(
  tx: Writer,
  move: { applicationId: string; version: number; state: ApplicationState; comment?: string; responseDueAt?: Date | null },
): Promise<void> {
  const { establishment } = await tx.application.findUniqueOrThrow({
    where: { id: move.applicationId },
    select: { establishment: { select: { name: true, memberships: { select: { user: { select: { email: true } } } } } } },
  });
  const email = applicationStateChangedEmail({ establishment: establishment.name, state: move.state, comment: move.comment, responseDueAt: move.responseDueAt });
  for (const { user } of establishment.memberships) {
    await enqueueEmail(tx, { dedupeKey: `transition:${move.applicationId}:${move.version}:${user.email}`, to: user.email, ...email });
  }
}
