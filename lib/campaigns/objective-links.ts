/**
 * A criterion's links to the objectives it judges, while the grid form is being edited. The form
 * sends the links as objective codes, but a code is only the objective's label: a manager who
 * renames « O2 » to « O5 » still means the same objective, so the links follow the objective's row,
 * not its former code.
 */

/** An objective's row in the form: a key that stays with the row (react-hook-form's field id) and its code as typed. */
export type ObjectiveRow = { key: string; code: string };

/** The code each row's links are held under, by row key. */
export type HeldCodes = ReadonlyMap<string, string>;

export const normalizeObjectiveCode = (code: string | undefined) => (code ?? "").trim().toUpperCase();

/**
 * The links after the objectives changed from what `held` recorded to `rows`. A row whose code
 * changed carries its links to the new code. While the new code is empty or another row's (the
 * manager is still typing), the links wait under the former code. A row that is gone takes its
 * links with it, unless another row still has its code.
 */
export function followObjectiveRows(
  links: readonly string[],
  held: HeldCodes,
  rows: readonly ObjectiveRow[],
): { links: string[]; held: Map<string, string> } {
  const codes = rows.map((row) => normalizeObjectiveCode(row.code));
  const rowsWith = (code: string) => codes.filter((candidate) => candidate === code).length;
  let next = [...links];
  const nextHeld = new Map<string, string>();
  rows.forEach((row, index) => {
    const code = codes[index]!;
    const before = held.get(row.key);
    if (before === undefined || before === code) return void nextHeld.set(row.key, code);
    if (code === "" || rowsWith(code) > 1) return void nextHeld.set(row.key, before);
    // Another row still called « before » keeps the links made under that code.
    if (!codes.includes(before)) next = [...new Set(next.map((linked) => (linked === before ? code : linked)))];
    nextHeld.set(row.key, code);
  });
  const gone = [...held].filter(([key]) => !nextHeld.has(key)).map(([, code]) => code);
  next = next.filter((linked) => !gone.includes(linked) || codes.includes(linked));
  return { links: next, held: nextHeld };
}
