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
