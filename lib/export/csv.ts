import Papa from "papaparse";
import { neutralizeCell } from "@/lib/roster/template/cell-safety";

type CsvRow = ReadonlyArray<string | number | null>;

/** A number as the exports write it (decimal comma): a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^-?\d+(,\d+)?$/;

function safeCell(cell: string | number | null): string {
  if (cell === null) return "";
  const text = String(cell);
  // Neutralising « -150000 » would turn a negative amount into text.
  return typeof cell === "number" || PLAIN_NUMBER.test(text) ? text : neutralizeCell(text);
}

/** Lines of CSV (`;`, CRLF between lines, none after the last), every cell safe against formula injection. */
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
