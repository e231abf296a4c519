import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { CRITERION_OBJECTIVE_CODES, objectiveCodesOf, writeCriterionLinks } from "./criterion-objectives";
import { gridChanges } from "./grid-changes";
import { decideGridChange, reusedCodeErrors, type VersionObjectives } from "./grid-versioning";
import type { TWaveGridInput } from "./schemas";
import { gridRows, STALE_WAVE_MESSAGE } from "./wave-data";

const OBJECTIVE_FIELDS = { code: true, title: true, description: true, required: true } as const;
const CRITERION_FIELDS = {
  code: true,
  label: true,
  description: true,
  weight: true,
  scaleMin: true,
  scaleMax: true,
  required: true,
  ...CRITERION_OBJECTIVE_CODES,
} as const;

export type GridChangeOutcome =
  | { outcome: "UNCHANGED"; versionNumber: number; waveVersion: number }
  | { outcome: "EDITED_IN_PLACE"; versionNumber: number; waveVersion: number }
  | { outcome: "NEW_VERSION"; versionNumber: number; previousVersionNumber: number; dossiersKeepingPrevious: number; waveVersion: number };

/**
 * Changes a wave's objectives and scoring grid. Until the wave opens (and while no dossier holds
 * it) the current version is edited in place; after that, the change becomes a new version
 * (number + 1) for the dossiers started from now on, and the dossiers already started keep theirs.
 * The wave's row is locked meanwhile, so a dossier cannot start on a version being rewritten.
 */
export async function changeWaveGrid(
  viewer: Viewer,
  waveId: string,
  input: TWaveGridInput & { expectedVersion: number },
  ip: string | null = null,
  now = new Date(),
): Promise<GridChangeOutcome> {
  requirePermission(viewer, "programme:configure");
  const rows = gridRows(input);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Wave" WHERE "id" = ${waveId}::uuid FOR UPDATE`;
    const wave = await tx.wave.findUnique({
      where: { id: waveId },
      select: {
        opensAt: true,
        version: true,
        versions: {
          orderBy: { number: "desc" },
          take: 1,
          select: {
            id: true,
            number: true,
            frozenAt: true,
            objectives: { orderBy: { position: "asc" }, select: OBJECTIVE_FIELDS },
            criteria: { orderBy: { position: "asc" }, select: CRITERION_FIELDS },
            _count: { select: { applications: true } },
          },
        },
      },
    });
    const current = wave?.versions[0];
    if (!wave || !current) throw new AppError("NOT_FOUND");
    if (wave.version !== input.expectedVersion) throw new AppError("CONFLICT", STALE_WAVE_MESSAGE);

    const content = {
      objectives: current.objectives,
      criteria: current.criteria.map((criterion) => ({ ...criterion, objectiveCodes: objectiveCodesOf(criterion) })),
    };
    const decision = decideGridChange({
      now,
      opensAt: wave.opensAt,
      current: { frozenAt: current.frozenAt, applicationCount: current._count.applications, content },
      next: input,
    });
    if (decision.kind === "UNCHANGED") return { outcome: "UNCHANGED", versionNumber: current.number, waveVersion: wave.version };
    // A code keeps its meaning in the wave: checked against every version this change leaves as it is.
    const kept = decision.kind === "NEW_VERSION" ? current.number : current.number - 1;
    const codeErrors = reusedCodeErrors(await objectivesOfVersions(tx, waveId, kept), input.objectives);
    const [firstCodeError] = Object.values(codeErrors);
    if (firstCodeError) throw new AppError("INVALID_INPUT", firstCodeError[0], { fieldErrors: codeErrors });

    await tx.wave.update({ where: { id: waveId }, data: { version: { increment: 1 } } });
    const details = gridChanges(content, input);
    if (decision.kind === "EDIT_IN_PLACE") {
      await tx.objective.deleteMany({ where: { waveVersionId: current.id } });
      await tx.criterion.deleteMany({ where: { waveVersionId: current.id } });
      await tx.objective.createMany({ data: rows.objectives.map((objective) => ({ ...objective, waveVersionId: current.id })) });
      await tx.criterion.createMany({ data: rows.criteria.map((criterion) => ({ ...criterion, waveVersionId: current.id })) });
      await writeCriterionLinks(tx, current.id, input.criteria);
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: "wave.grid_changed",
        target: { type: "Wave", id: waveId },
        ip,
        details: { versionNumber: current.number, ...details },
      });
      return { outcome: "EDITED_IN_PLACE", versionNumber: current.number, waveVersion: wave.version + 1 };
    }

    const created = await tx.waveVersion.create({
      data: {
        waveId,
        number: current.number + 1,
        createdById: viewer.userId,
        objectives: { create: rows.objectives },
        criteria: { create: rows.criteria },
      },
      select: { id: true, number: true },
    });
    await writeCriterionLinks(tx, created.id, input.criteria);
    if (!current.frozenAt) await tx.waveVersion.update({ where: { id: current.id }, data: { frozenAt: now } });
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "wave.version_created",
      target: { type: "Wave", id: waveId },
      ip,
      details: {
        versionNumber: created.number,
        previousVersionNumber: current.number,
        because: decision.because,
        dossiersKeepingPrevious: current._count.applications,
        ...details,
      },
    });
    return {
      outcome: "NEW_VERSION",
      versionNumber: created.number,
      previousVersionNumber: current.number,
      dossiersKeepingPrevious: current._count.applications,
      waveVersion: wave.version + 1,
    };
  });
}

/** The objectives of the wave's versions up to `upTo` (number), by version. */
async function objectivesOfVersions(tx: Pick<Db, "waveVersion">, waveId: string, upTo: number): Promise<VersionObjectives[]> {
  return tx.waveVersion.findMany({
    where: { waveId, number: { lte: upTo } },
    orderBy: { number: "asc" },
    select: { number: true, objectives: { select: { code: true, title: true } } },
  });
}
