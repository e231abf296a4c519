import { formatParisDate, parisToday } from "@/lib/time/paris";

/** One objective of one version of the wave's grid. */
export type VersionObjective = { code: string; title: string; position: number; versionNumber: number };
/** An objective a target may be set on, with the versions of the grid that hold it (ascending). */
export type TargetObjective = { code: string; title: string; versions: number[] };

/**
 * The objectives a target may be set on: every objective of every version of the wave (ADR 0018),
 * since a dossier keeps the version it was filed on (ADR 0005). One entry per code, titled as its
 * newest version titles it; the current version's objectives first, in their order, then those
 * only older versions hold, newest first.
 */
export function targetObjectives(rows: readonly VersionObjective[]): TargetObjective[] {
  const ordered = [...rows].sort((a, b) => b.versionNumber - a.versionNumber || a.position - b.position);
  const byCode = new Map<string, TargetObjective>();
  for (const row of ordered) {
    const known = byCode.get(row.code);
    if (known) known.versions.unshift(row.versionNumber);
    else byCode.set(row.code, { code: row.code, title: row.title, versions: [row.versionNumber] });
  }
  return [...byCode.values()];
}

/** « O4 – Enregistrement (version 1) », « O1 – Identité (versions 1 et 2) »; no versions when the wave has one. */
export function targetObjectiveLabel(objective: TargetObjective, versionCount: number): string {
  const label = `${objective.code} – ${objective.title}`;
  if (versionCount <= 1) return label;
  const numbers = objective.versions.map(String);
  const last = numbers.pop();
  const list = numbers.length === 0 ? `version ${last}` : `versions ${numbers.join(", ")} et ${last}`;
  return `${label} (${list})`;
}

type DatedTarget = { objectiveCode: string; indicator: string; dueDate: string };

/**
 * The server's date rule for targets (ADR 0018): a target's due date comes after the day the wave
 * closes (Paris), since results are followed once a dossier is selected, after the closing. A
 * target stored before, re-sent with the same due date, is kept as it is (the wave's closing may
 * have moved since). Field errors keyed as the form's fields.
 */
export function dueDateErrors(
  targets: readonly DatedTarget[],
  wave: { closesAt: Date; stored: readonly DatedTarget[] },
): Record<string, string[]> {
  const closesOn = parisToday(wave.closesAt);
  const message = `Indiquez une date postérieure à la clôture de la vague (le ${formatParisDate(wave.closesAt)}).`;
  const errors: Record<string, string[]> = {};
  targets.forEach((target, index) => {
    if (target.dueDate > closesOn) return;
    const unchanged = wave.stored.some(
      (stored) =>
        stored.objectiveCode === target.objectiveCode && stored.indicator === target.indicator && stored.dueDate === target.dueDate,
    );
    if (!unchanged) errors[`targets.${index}.dueDate`] = [message];
  });
  return errors;
}
