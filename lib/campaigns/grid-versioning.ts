import type { CriterionTemplate, ObjectiveTemplate } from "./programme-defaults";

/** A wave version's content: its objectives and scoring grid, in order. */
export type GridContent = {
  objectives: readonly ObjectiveTemplate[];
  criteria: ReadonlyArray<CriterionTemplate & { objectiveCodes?: readonly string[] }>;
};

export type FrozenBecause = "WAVE_OPENED" | "DOSSIERS_STARTED" | "VERSION_FROZEN";

/** Why a new version was made: on the wave's page and in the audit log. */
export const FROZEN_BECAUSE_LABELS: Readonly<Record<FrozenBecause, string>> = {
  WAVE_OPENED: "La vague a déjà ouvert",
  DOSSIERS_STARTED: "Des dossiers sont commencés sur cette version",
  VERSION_FROZEN: "Cette version est figée",
};

export type GridChangeDecision =
  | { kind: "UNCHANGED" }
  | { kind: "EDIT_IN_PLACE" }
  /** Dossiers judged on the current version keep it; new dossiers start on the new one. */
  | { kind: "NEW_VERSION"; because: FrozenBecause };

type VersionFacts = { now: Date; opensAt: Date; current: { frozenAt: Date | null; applicationCount: number } };

/**
 * Why a wave's current version can no longer be edited in place, or null while it can: it is
 * frozen once the wave has opened (establishments may have read it), once a dossier holds it, or
 * once it was marked frozen.
 */
export function frozenBecause({ now, opensAt, current }: VersionFacts): FrozenBecause | null {
  if (now >= opensAt) return "WAVE_OPENED";
  if (current.applicationCount > 0) return "DOSSIERS_STARTED";
  return current.frozenAt ? "VERSION_FROZEN" : null;
}

/** Whether a change of objectives or grid edits the wave's current version or makes a new one. */
export function decideGridChange(facts: VersionFacts & { current: { content: GridContent }; next: GridContent }): GridChangeDecision {
  if (sameGrid(facts.current.content, facts.next)) return { kind: "UNCHANGED" };
  const because = frozenBecause(facts);
  return because ? { kind: "NEW_VERSION", because } : { kind: "EDIT_IN_PLACE" };
}

function objectiveKey(objective: ObjectiveTemplate) {
  return [objective.code, objective.title, objective.description, objective.required];
}

function criterionKey(criterion: GridContent["criteria"][number]) {
  const links = [...(criterion.objectiveCodes ?? [])].sort();
  return [
    criterion.code,
    criterion.label,
    criterion.description,
    criterion.weight,
    criterion.scaleMin,
    criterion.scaleMax,
    criterion.required,
    links,
  ];
}

/** Same objectives and criteria, in the same order (the order is shown to applicants and reviewers). */
export function sameGrid(left: GridContent, right: GridContent): boolean {
  return (
    JSON.stringify([left.objectives.map(objectiveKey), left.criteria.map(criterionKey)]) ===
    JSON.stringify([right.objectives.map(objectiveKey), right.criteria.map(criterionKey)])
  );
}

/** The objectives one version of the wave holds, as a new grid is checked against them. */
export type VersionObjectives = { number: number; objectives: ReadonlyArray<{ code: string; title: string }> };

/** Titles that read the same: case and spacing aside. */
function sameTitle(left: string, right: string): boolean {
  const normal = (title: string) => title.trim().replace(/\s+/g, " ").toLocaleLowerCase("fr");
  return normal(left) === normal(right);
}

/**
 * Within a wave, an objective's code keeps one meaning (ADR 0005): dossiers filed on an earlier
 * version, follow-up targets (which may name an objective of any version, ADR 0018), exports and
 * dashboards all name objectives by code. A new grid may keep an objective of an earlier version
 * (same code, same title; its description or flag may change) or drop it, never give its code to
 * another objective. `earlier` is every version the grid does not overwrite. Field errors keyed as
 * the form's fields, naming the first version that used the code; empty when the grid keeps the rule.
 */
export function reusedCodeErrors(
  earlier: readonly VersionObjectives[],
  next: ReadonlyArray<{ code: string; title: string }>,
): Record<string, string[]> {
  const versions = [...earlier].sort((a, b) => a.number - b.number);
  const errors: Record<string, string[]> = {};
  next.forEach((objective, index) => {
    for (const version of versions) {
      const used = version.objectives.find((old) => old.code === objective.code);
      if (!used || sameTitle(used.title, objective.title)) continue;
      errors[`objectives.${index}.code`] = [
        `Le code ${objective.code} désigne déjà, dans la version ${version.number} de cette vague, l'objectif « ${used.title} » : choisissez un autre code.`,
      ];
      return;
    }
  });
  return errors;
}
