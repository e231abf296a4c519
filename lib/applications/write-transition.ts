import type { AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { ApplicationState } from "@/lib/db/generated/enums";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import type { MemberNotice } from "./notify-members";
import { type Actor, nextState, STATE_LABELS, type TransitionAction } from "./state-machine";

type Writer = Pick<Db, "$queryRaw">;

export type TransitionWrite = {
  application: { id: string; state: ApplicationState; version: number };
  action: TransitionAction;
  actor: Actor;
  by: AuditActor;
  comment?: string;
  ip?: string | null;
  now: Date;
  /** Set with the state: the response deadline of a request for information. */
  responseDueAt?: Date;
  /** Recorded in the audit entry beside the two states (e.g. the hash of the content submitted). */
  details?: Record<string, string | number | boolean | null | readonly string[]>;
};

/**
 * The move as the common table expressions of one statement: `moved` (the dossier's row, only from
 * the state read, at the version read; empty when a concurrent move came first), then its line in
 * the dossier's history and its audit entry, written only if `moved` holds the row. A statement is
 * atomic: all three or nothing, in one round trip. The submission adds its own rows to the same
 * statement (`submit-application.ts`), selected FROM `moved` too.
 */
export function transitionCtes(move: TransitionWrite): { ctes: Prisma.Sql; to: ApplicationState } {
  const result = nextState(move.application.state, move.action, move.actor);
  if (!result.ok) throw new AppError("INVALID_STATE", `Action impossible : le dossier est « ${STATE_LABELS[move.application.state]} ».`);
  const from = move.application.state;
  // The clock, as Prisma sets @updatedAt and the audit entry's time; `now` is the move's own time.
  const writtenAt = new Date();
  const details = JSON.stringify({ ...move.details, from, to: result.to });
  const ctes = Prisma.sql`moved AS (
      UPDATE "Application"
      SET "state" = ${result.to}::"ApplicationState", "version" = "version" + 1, "updatedAt" = ${writtenAt}
          ${move.responseDueAt ? Prisma.sql`, "responseDueAt" = ${move.responseDueAt}` : Prisma.empty}
      WHERE "id" = ${move.application.id}::uuid AND "state" = ${from}::"ApplicationState" AND "version" = ${move.application.version}
      RETURNING "id"
    ), history AS (
      INSERT INTO "ApplicationTransition" ("id", "applicationId", "fromState", "toState", "actorId", "at", "comment")
      SELECT gen_random_uuid(), moved."id", ${from}::"ApplicationState", ${result.to}::"ApplicationState", ${move.by.id}::uuid, ${move.now}, ${move.comment ?? ""}
      FROM moved
    ), audit AS (
      INSERT INTO "AuditEvent" ("at", "actorId", "actorLabel", "action", "targetType", "targetId", "ip", "details")
      SELECT ${writtenAt}, ${move.by.id}::uuid, ${move.by.label}, ${`application.${move.action}`}, 'Application', moved."id"::text, ${move.ip ?? null}, ${details}::jsonb
      FROM moved
    )`;
  return { ctes, to: result.to };
}

/**
 * Every move of a dossier is written here (one dossier or, below, many), whoever makes it: the
 * dossier's actions, its submission, the review that completes the scoring, the decisions.
 *
 * Writes one move of a dossier through the state machine, in one statement (inside the caller's
 * transaction when it has one): the state (only from the state read, at the version read: a
 * concurrent move makes it fail with CONFLICT), its line in the dossier's history, and its audit entry.
 */
export async function writeTransition(tx: Writer, move: TransitionWrite): Promise<{ state: ApplicationState; version: number }> {
  const { ctes, to } = transitionCtes(move);
  const [row] = await tx.$queryRaw<Array<{ moved: number }>>`WITH ${ctes} SELECT count(*)::int AS "moved" FROM moved`;
  if (row?.moved !== 1) throw new AppError("CONFLICT", "Le dossier a changé entre-temps. Rechargez la page.");
  return { state: to, version: move.application.version + 1 };
}

type BulkWriter = Pick<Db, "$executeRawUnsafe" | "applicationTransition" | "auditEvent">;

/**
 * The same move for many dossiers at once (e.g. « en instruction » for every dossier an automatic
 * assignment gives its first reviewer): one conditional UPDATE per starting state, history and audit
 * rows in one statement each. Any dossier changed meanwhile fails the whole call with CONFLICT.
 * Returns the moves as `notifyMembers` announces them.
 */
export async function writeTransitions(
  tx: BulkWriter,
  move: Omit<TransitionWrite, "application" | "data"> & {
    applications: ReadonlyArray<{ id: string; state: ApplicationState; version: number }>;
  },
): Promise<MemberNotice[]> {
  const notices: MemberNotice[] = [];
  const byState = new Map<ApplicationState, Array<{ id: string; version: number }>>();
  for (const application of move.applications) byState.set(application.state, [...(byState.get(application.state) ?? []), application]);
  for (const [from, applications] of byState) {
    const result = nextState(from, move.action, move.actor);
    if (!result.ok) throw new AppError("INVALID_STATE", `Action impossible : un dossier est « ${STATE_LABELS[from]} ».`);
    const moved = await tx.$executeRawUnsafe(
      `UPDATE "Application" AS a SET "state" = $3::"ApplicationState", "version" = a."version" + 1, "updatedAt" = $4
       FROM unnest($1::uuid[], $2::int[]) AS u(id, version)
       WHERE a."id" = u.id AND a."version" = u.version AND a."state" = $5::"ApplicationState"`,
      applications.map((application) => application.id),
      applications.map((application) => application.version),
      result.to,
      move.now,
      from,
    );
    if (moved !== applications.length) throw new AppError("CONFLICT", "Des dossiers ont changé entre-temps. Rechargez la page.");
    await tx.applicationTransition.createMany({
      data: applications.map((application) => ({
        applicationId: application.id,
        fromState: from,
        toState: result.to,
        actorId: move.by.id,
        at: move.now,
        comment: move.comment ?? "",
      })),
    });
    await tx.auditEvent.createMany({
      data: applications.map((application) => ({
        actorId: move.by.id,
        actorLabel: move.by.label,
        action: `application.${move.action}`,
        targetType: "Application",
        targetId: application.id,
        ip: move.ip ?? null,
        details: { from, to: result.to },
      })),
    });
    for (const application of applications)
      notices.push({ applicationId: application.id, version: application.version, action: move.action, state: result.to });
  }
  return notices;
}
