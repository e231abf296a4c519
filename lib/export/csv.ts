import Papa from "papaparse";
import { neutralizeCell } from "@/lib/roster/template/cell-safety";

/**
 * A CSV for French spreadsheets: UTF-8 with a byte-order mark (so Excel reads the accents), `;`
 * separator, every cell safe against formula injection (security check 15).
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): Uint8Array {
  const cells = [header, ...rows].map((row) => row.map((cell) => neutralizeCell(cell === null ? "" : String(cell))));
  const text = Papa.unparse(cells as string[][], { delimiter: ";", newline: "\r\n" });
  return new TextEncoder().encode(`\uFEFF${text}`);
}
