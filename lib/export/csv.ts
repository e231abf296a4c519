import Papa from "papaparse";
import { neutralizeCell } from "@/lib/roster/template/cell-safety";

type CsvRow = ReadonlyArray<string | number | null>;

/** Lines of CSV (`;`, CRLF between lines, none after the last), every cell safe against formula injection. */
export function csvLines(rows: ReadonlyArray<CsvRow>): string {
  const cells = rows.map((row) => row.map((cell) => neutralizeCell(cell === null ? "" : String(cell))));
  return Papa.unparse(cells as string[][], { delimiter: ";", newline: "\r\n" });
}

/**
 * A CSV for French spreadsheets: UTF-8 with a byte-order mark (so Excel reads the accents), `;`
 * separator, every cell safe against formula injection (security check 15).
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<CsvRow>): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${csvLines([header, ...rows])}`);
}
