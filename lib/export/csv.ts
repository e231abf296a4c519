import Papa from "papaparse";
import { csvTextCell } from "@/lib/roster/template/cell-safety";

/**
 * A number already written as the exports write it (decimal comma: « 12500,50 », « -1,5 »), so that
 * a spreadsheet reads it as a number. A plain string is always text.
 */
export type CsvNumber = { readonly number: string };

export type CsvCell = string | number | CsvNumber | null;

type CsvRow = ReadonlyArray<CsvCell>;

/** A number as the exports write it (decimal comma): a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^-?\d+(,\d+)?$/;

function safeCell(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  // Neutralising « -150000 » would turn a negative amount into text.
  if (typeof cell === "object") return PLAIN_NUMBER.test(cell.number) ? cell.number : csvTextCell(cell.number);
  // Text stays text: a FINESS « 066368580 » keeps its leading zero when Excel opens the file.
  return csvTextCell(cell);
}

/**
 * Lines of CSV (`;`, CRLF between lines, none after the last): numbers as numbers, text as text
 * (digits kept whole), every cell safe against formula injection.
 */
export function csvLines(rows: ReadonlyArray<CsvRow>): string {
  const cells = rows.map((row) => row.map(safeCell));
  return Papa.unparse(cells as string[][], { delimiter: ";", newline: "\r\n" });
}

/**
 * A CSV for French spreadsheets: UTF-8 with a byte-order mark (so Excel reads the accents), `;`
 * separator, every cell safe against formula injection (security check 15).
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<CsvRow>): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${csvLines([header, ...rows])}`);
}
