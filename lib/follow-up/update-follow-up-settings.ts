import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { STALE_WAVE_MESSAGE } from "@/lib/campaigns/wave-data";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { dayToDate, dayToIsoDate, toDay } from "@/lib/roster/dates";
import { createTranches, grantsWithoutTranches } from "./create-tranches";
import type { TFollowUpSettingsInput } from "./settings-schema";
import { dueDateErrors } from "./target-rules";

const UNKNOWN_OBJECTIVE_MESSAGE = "Cet objectif n'existe dans aucune version de la grille de la vague.";

/**
 * The wave's follow-up settings: the advance share of the payment schedule and the objectives'
 * targets, replaced as a whole. A target names an objective of any version of the wave's grid and
 * is due after the wave closes (a stored one re-sent unchanged is kept). They change what the
 * follow-up pages check, never a declaration already made (its pre-check is stored with it).
 * Optimistic concurrency on the wave's version; audited with before and after.
 */
export async function updateFollowUpSettings(viewer: Viewer, waveId: string, input: TFollowUpSettingsInput & { ip: string | null }) {
  requirePermission(viewer, "programme:configure");
  return db.$transaction(async (tx) => {
    const wave = await tx.wave.findUnique({
      where: { id: waveId },
      select: {
        version: true,
        advanceSharePercent: true,
        objectiveTargets: {
          orderBy: [{ objectiveCode: "asc" }, { indicator: "asc" }],
          select: { objectiveCode: true, indicator: true, thresholdPercent: true, dueDate: true },
        },
        closesAt: true,
        versions: { select: { objectives: { select: { code: true } } } },
      },
    });
    if (!wave) throw new AppError("NOT_FOUND");
    if (wave.version !== input.expectedVersion) throw new AppError("CONFLICT", STALE_WAVE_MESSAGE);
    // Any version's objective: a dossier keeps the version it was filed on (ADR 0005, ADR 0018).
    const codes = new Set(wave.versions.flatMap((version) => version.objectives.map((objective) => objective.code)));
    const unknown = input.targets.findIndex((target) => !codes.has(target.objectiveCode));
    if (unknown >= 0) {
      throw new AppError("INVALID_INPUT", UNKNOWN_OBJECTIVE_MESSAGE, {
        fieldErrors: { [`targets.${unknown}.objectiveCode`]: [UNKNOWN_OBJECTIVE_MESSAGE] },
      });
    }
    const stored = wave.objectiveTargets.map((target) => ({ ...target, dueDate: dayToIsoDate(toDay(target.dueDate)) }));
    const dateErrors = dueDateErrors(input.targets, { closesAt: wave.closesAt, stored });
    const [firstDateError] = Object.values(dateErrors);
    if (firstDateError) throw new AppError("INVALID_INPUT", firstDateError[0], { fieldErrors: dateErrors });
    const updated = await tx.wave.updateMany({
      where: { id: waveId, version: input.expectedVersion },
      data: { advanceSharePercent: input.advanceSharePercent, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", STALE_WAVE_MESSAGE);
    await tx.objectiveTarget.deleteMany({ where: { waveId } });
    await tx.objectiveTarget.createMany({
      data: input.targets.map((target) => ({
        waveId,
        objectiveCode: target.objectiveCode,
        indicator: target.indicator,
        thresholdPercent: target.thresholdPercent,
        dueDate: dayToDate(toDay(target.dueDate)),
      })),
    });
    // Grants released before the share was set get their tranches now; stored ones keep their amounts.
    await createTranches(tx, await grantsWithoutTranches(tx, waveId), input.advanceSharePercent);
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "wave.follow_up_settings_changed",
      target: { type: "Wave", id: waveId },
      ip: input.ip,
      details: {
        advanceSharePercent: { from: wave.advanceSharePercent, to: input.advanceSharePercent },
        targets: {
          from: stored,
          to: input.targets,
        },
      },
    });
    return { targets: input.targets.length, version: wave.version + 1 };
  });
}
