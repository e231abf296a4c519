import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { ApplicationState } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { type Actor, nextState, STATE_LABELS, type TransitionAction } from "./state-machine";

type Writer = Pick<Db, "application" | "applicationTransition" | "auditEvent">;

export type TransitionWrite = {
  application: { id: string; state: ApplicationState; version: number };
  action: TransitionAction;
  actor: Actor;
  by: AuditActor;
  comment?: string;
  ip?: string | null;
  now: Date;
  /** Columns changed with the state (e.g. the response deadline of a request for information). */
  data?: Prisma.ApplicationUpdateManyMutationInput;
};

/**
 * Writes one move of a dossier through the state machine, inside the caller's transaction: the
 * state (only from the state read, at the version read: a concurrent move makes it fail with
 * CONFLICT), its line in the dossier's history, and its audit entry.
 */
export async function writeTransition(tx: Writer, move: TransitionWrite): Promise<{ state: ApplicationState; version: number }> {
  const result = nextState(move.application.state, move.action, move.actor);
  if (!result.ok) throw new AppError("INVALID_STATE", `Action impossible : le dossier est « ${STATE_LABELS[move.application.state]} ».`);
  const moved = await tx.application.updateMany({
    where: { id: move.application.id, state: move.application.state, version: move.application.version },
    data: { ...move.data, state: result.to, version: { increment: 1 } },
  });
  if (moved.count !== 1) throw new AppError("CONFLICT", "Le dossier a changé entre-temps. Rechargez la page.");
  await tx.applicationTransition.create({
    data: { applicationId: move.application.id, fromState: move.application.state, toState: result.to, actorId: move.by.id, at: move.now, comment: move.comment ?? "" },
  });
  await recordAudit(tx, {
    actor: move.by,
    action: `application.${move.action}`,
    target: { type: "Application", id: move.application.id },
    ip: move.ip ?? null,
    details: { from: move.application.state, to: result.to },
  });
  return { state: result.to, version: move.application.version + 1 };
}
