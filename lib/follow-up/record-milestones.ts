import { authorizeApplication } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { calendarDateFromUtc, calendarDateToUtc } from "@/lib/applications/calendar-date";
import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parisToday } from "@/lib/time/paris";
import { doneOnError } from "./milestones";
import type { TRecordMilestonesInput } from "./milestones-schema";

/**
 * The director records the days the milestones of a selected dossier were done (or clears one
 * recorded by mistake), under the dossier's row lock, in one transaction with its audit entry;
 * only the milestones whose day changes are written. A milestone of another dossier is NOT_FOUND.
 */
export async function recordMilestones(
  viewer: Viewer,
  applicationId: string,
  input: TRecordMilestonesInput & { ip: string | null },
  now = new Date(),
) {
  const facts = await loadDossierFacts(db, applicationId);
  authorizeApplication(viewer, facts, "record-milestones");
  const today = parisToday(now);
  const { opensAt } = await db.wave.findUniqueOrThrow({ where: { id: facts!.waveId }, select: { opensAt: true } });
  const opensOn = parisToday(opensAt);
  const errors = Object.fromEntries(
    input.milestones.flatMap((milestone, index) => {
      const error = milestone.doneOn === null ? null : doneOnError(milestone.doneOn, today, opensOn);
      return error ? [[`milestones.${index}.doneOn`, [error]]] : [];
    }),
  );
  const [first] = Object.values(errors);
  if (first) throw new AppError("INVALID_INPUT", first[0], { fieldErrors: errors });
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Application" WHERE "id" = ${applicationId}::uuid FOR UPDATE`;
    authorizeApplication(viewer, await loadDossierFacts(tx, applicationId), "record-milestones");
    const stored = new Map(
      (await tx.milestone.findMany({ where: { applicationId }, select: { id: true, label: true, doneOn: true } })).map((milestone) => [
        milestone.id,
        { label: milestone.label, doneOn: milestone.doneOn && calendarDateFromUtc(milestone.doneOn) },
      ]),
    );
    if (input.milestones.some((milestone) => !stored.has(milestone.id))) throw new AppError("NOT_FOUND");
    const changes = input.milestones.flatMap((milestone) => {
      const before = stored.get(milestone.id)!;
      return before.doneOn === milestone.doneOn
        ? []
        : [{ id: milestone.id, label: before.label, from: before.doneOn, to: milestone.doneOn }];
    });
    for (const change of changes) {
      await tx.milestone.update({
        where: { id: change.id },
        data:
          change.to === null
            ? { doneOn: null, doneById: null, doneRecordedAt: null }
            : { doneOn: calendarDateToUtc(change.to), doneById: viewer.userId, doneRecordedAt: now },
      });
    }
    if (changes.length > 0) {
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: "follow_up.milestones_recorded",
        target: { type: "Application", id: applicationId },
        ip: input.ip,
        details: { changes },
      });
    }
    return { changed: changes.length };
  });
}
