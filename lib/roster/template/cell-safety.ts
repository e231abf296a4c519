/**
 * Spreadsheet formula injection (security check 15): a cell starting with `=`, `+`, `-`, `@`, tab,
 * CR or LF may run as a formula when a spreadsheet opens the export. Such a value is written with
 * a leading single quote, and the import removes it again.
 *
 * The pair is exact for every value, so the export imports back unchanged: a value that itself
 * starts with quotes followed by a trigger (« '=x ») gets one more quote (« ''=x »), and the import
 * removes exactly one quote, and only before quotes-then-trigger.
 *
 * Public API: `neutralizeCell`, `restoreCell`.
 */
const QUOTED_TRIGGER = /^'*[=+\-@\t\r\n]/;
const ESCAPED = /^'+[=+\-@\t\r\n]/;

export function neutralizeCell(value: string): string {
  return QUOTED_TRIGGER.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return ESCAPED.test(value) ? value.slice(1) : value;
}
