import type { Db } from "@/lib/db/client";

type Writer = Pick<Db, "objective" | "criterion" | "criterionObjective">;

/**
 * Links a version's criteria to the objectives they judge, from the codes the grid form sends
 * (`{ C1: ["O1", "O2"] }`), in the caller's transaction. Codes were checked by `checkGrid`.
 */
export async function writeCriterionLinks(
  tx: Writer,
  waveVersionId: string,
  criteria: ReadonlyArray<{ code: string; objectiveCodes?: readonly string[] }>,
): Promise<void> {
  const [objectives, stored] = await Promise.all([
    tx.objective.findMany({ where: { waveVersionId }, select: { id: true, code: true } }),
    tx.criterion.findMany({ where: { waveVersionId }, select: { id: true, code: true } }),
  ]);
  const objectiveId = new Map(objectives.map((objective) => [objective.code, objective.id]));
  const criterionId = new Map(stored.map((criterion) => [criterion.code, criterion.id]));
  const links = criteria.flatMap((criterion) =>
    [...new Set(criterion.objectiveCodes ?? [])].flatMap((code) => {
      const [from, to] = [criterionId.get(criterion.code), objectiveId.get(code)];
      return from && to ? [{ waveVersionId, criterionId: from, objectiveId: to }] : [];
    }),
  );
  if (links.length > 0) await tx.criterionObjective.createMany({ data: links, skipDuplicates: true });
}

/** A criterion's linked objectives as the grid form shows them: codes, in the objectives' order. */
export const CRITERION_OBJECTIVE_CODES = {
  objectives: { orderBy: { objective: { position: "asc" } }, select: { objective: { select: { code: true } } } },
} as const;

export function objectiveCodesOf(criterion: { objectives: ReadonlyArray<{ objective: { code: string } }> }): string[] {
  return criterion.objectives.map((link) => link.objective.code);
}
