/**
 * Spreadsheet formula injection (security check 15): a cell starting with `=`, `+`, `-`, `@`, tab,
 * CR or LF may run as a formula when a spreadsheet opens the export. Such a value is written with
 * a leading single quote, and the import removes it again.
 *
 * The pair is exact for every value, so the export imports back unchanged: a value that itself
 * starts with quotes followed by a trigger (« '=x ») gets one more quote (« ''=x »), and the import
 * removes exactly one quote, and only before quotes-then-trigger.
 *
 * In a CSV, text made of digits (a FINESS, a SIRET, an RPPS number) is also written as Excel's text
 * formula `="066368580"`, or Excel opens it as a number and drops its leading zeros or its last
 * digits; the import reads `="…"` around such digits as the digits. A workbook needs neither (its
 * string cells are never evaluated, its text columns are formatted « @ », ADR 0019): the figure
 * tables write their text as typed (`xlsxCell` of `lib/export/figure-table.ts`), and so does the
 * roster's workbook (`xlsxTextCell`), whose import still removes one quote before quotes-then-trigger
 * so that the workbooks exported before, which quoted, read back right: only a value that itself
 * starts so (« '=x ») gets one more quote in the roster's workbook, and imports back unchanged.
 *
 * Public API: `neutralizeCell`, `csvTextCell`, `xlsxTextCell`, `restoreCell`.
 */
const QUOTED_TRIGGER = /^'*[=+\-@\t\r\n]/;
const ESCAPED = /^'+[=+\-@\t\r\n]/;
/** Text a French spreadsheet would read as a number: « 066368580 », « -150000 », « 1,50 ». */
const NUMBER_SHAPED = /^[+-]?\d+(,\d+)?$/;
const DIGITS_AS_TEXT = /^="([+-]?\d+(?:,\d+)?)"$/;

export function neutralizeCell(value: string): string {
  return QUOTED_TRIGGER.test(value) ? `'${value}` : value;
}

/** A text cell of a CSV: number-shaped text kept as text (`="…"`, digits only inside), anything else neutralised. */
export function csvTextCell(value: string): string {
  return NUMBER_SHAPED.test(value) ? `="${value}"` : neutralizeCell(value);
}

/**
 * A text cell of a workbook: as typed, `=1+1` included (a string cell is never evaluated), except
 * a value starting with quotes then a trigger, which gets one quote more for `restoreCell` to take.
 */
export function xlsxTextCell(value: string): string {
  return ESCAPED.test(value) ? `'${value}` : value;
}

/** The value a cell of the export stands for, whether written by `neutralizeCell`, `csvTextCell` or `xlsxTextCell`. */
export function restoreCell(value: string): string {
  if (ESCAPED.test(value)) return value.slice(1);
  return DIGITS_AS_TEXT.exec(value)?.[1] ?? value;
}
