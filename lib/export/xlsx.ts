import ExcelJS from "exceljs";
import { neutralizeCell } from "@/lib/roster/template/cell-safety";

/**
 * An Excel workbook of one sheet: a bold, frozen header row; numbers stay numbers (sortable, and no
 * formula can hide in one); every text cell is safe against formula injection (security check 15).
 */
export async function toXlsx(
  sheetName: string,
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = header.map((title) => ({ header: title, width: Math.max(12, title.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === "string" ? neutralizeCell(cell) : cell)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
