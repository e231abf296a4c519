/**
 * A table of figures as the user downloads it: CSV (through `csv.ts`) or an Excel workbook with
 * real numbers (counts as integers, shares as percentages, amounts in euros). Text stays text in
 * both (a FINESS keeps its leading zero); the CSV's text cells are protected against formula
 * injection, a workbook's need not be (a string cell is never evaluated).
 *
 * Public API: `FigureColumn`, `FigureCell`, `FigureTable`, `figureTableToCsv`, `figureTableToXlsx`,
 * `shareValue`, `sheetNameOf`, and for the streamed exports (`stream-table.ts`) `csvCell`,
 * `xlsxCell`, `headerOf`, `figureSheetColumns`.
 */
import ExcelJS from "exceljs";
import { formatNumericCalendarDate, formatParisNumericDateTime, toParisLocal } from "@/lib/time/paris";
import { type CsvCell, toCsv } from "./csv";

export type FigureColumn = { label: string; kind: "text" | "integer" | "decimal" | "share" | "euros" | "date" | "datetime" };

/**
 * Text, a count, a measure (e.g. a score out of 100), a share (count of a total: no rounded share is
 * stored), an amount in cents, a calendar day (`YYYY-MM-DD`, for a "date" column) or an instant
 * (for a "datetime" column, written as Paris clocks showed it).
 */
export type FigureCell = string | number | { count: number; of: number } | bigint | Date | null;

export type FigureTable = { caption: string; columns: readonly FigureColumn[]; rows: ReadonlyArray<readonly FigureCell[]> };

/** A share between 0 and 1, or null for « nothing to divide by ». */
export function shareValue(cell: FigureCell): number | null {
  return typeof cell === "object" && cell !== null && !(cell instanceof Date) && cell.of !== 0 ? cell.count / cell.of : null;
}

const euros = (cents: bigint) => Number(cents) / 100;

/**
 * Plain values, decimal comma, dates as « 13/02/2026 »: what a French spreadsheet reads as numbers and
 * dates. A « text » column's strings stay text (`csv.ts`), digits included.
 */
export function csvCell(cell: FigureCell, column: FigureColumn): CsvCell {
  if (cell === null) return null;
  switch (column.kind) {
    case "share": {
      const share = shareValue(cell);
      return share === null ? null : { number: (Math.round(share * 1000) / 10).toString().replace(".", ",") };
    }
    case "euros": {
      // Exact, with the cents an accountant expects: « 12500,50 », « -0,05 ».
      const cents = cell as bigint;
      const magnitude = cents < 0n ? -cents : cents;
      return { number: `${cents < 0n ? "-" : ""}${magnitude / 100n},${(magnitude % 100n).toString().padStart(2, "0")}` };
    }
    case "decimal":
      return { number: (Math.round((cell as number) * 10) / 10).toString().replace(".", ",") };
    case "date":
      return formatNumericCalendarDate(cell as string);
    case "datetime":
      return formatParisNumericDateTime(cell as Date);
    default:
      return cell as string | number;
  }
}

export const headerOf = (column: FigureColumn) =>
  column.kind === "share" ? `${column.label} (%)` : column.kind === "euros" ? `${column.label} (€)` : column.label;

export function figureTableToCsv(table: FigureTable): Uint8Array {
  return toCsv(
    table.columns.map(headerOf),
    table.rows.map((row) => row.map((cell, index) => csvCell(cell, table.columns[index]!))),
  );
}

export const NUMBER_FORMAT: Record<FigureColumn["kind"], string> = {
  text: "@",
  integer: "#,##0",
  decimal: "0.0",
  share: "0.0%",
  euros: '#,##0.00 "€"',
  date: "dd/mm/yyyy",
  datetime: "dd/mm/yyyy hh:mm",
};

/**
 * A worksheet named after a caption: without the characters Excel refuses in a sheet's name, and
 * within its 31 characters, cut after a word rather than inside one.
 */
export function sheetNameOf(caption: string): string {
  const name = caption
    .replace(/[\\/?*[\]:]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (name.length <= 31) return name;
  const cut = name.slice(0, 32);
  const space = cut.lastIndexOf(" ");
  return (space > 0 ? cut.slice(0, space) : name.slice(0, 31)).replace(/[\s–-]+$/, "");
}

/** The header row and number formats of a sheet of figures, the same whether written at once or streamed. */
export function figureSheetColumns(columns: readonly FigureColumn[]): Partial<ExcelJS.Column>[] {
  return columns.map((column) => ({
    header: headerOf(column),
    width: Math.max(column.kind === "datetime" ? 17 : 14, headerOf(column).length + 2),
    style: { numFmt: NUMBER_FORMAT[column.kind] },
  }));
}

export async function figureTableToXlsx(table: FigureTable, sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetNameOf(sheetName), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = figureSheetColumns(table.columns);
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(row.map((cell, index) => xlsxCell(cell, table.columns[index]!)));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * A cell's value in a workbook: numbers as numbers, dates as dates (sortable and filterable in
 * Excel), text as typed: a string cell is never evaluated, so `=HYPERLINK(…)` stays text without the
 * CSV's leading quote, which Excel would show. A workbook's dates have no time zone: an instant is
 * written as the Paris wall-clock time, which ExcelJS stores from the Date's UTC fields.
 */
export function xlsxCell(cell: FigureCell, column: FigureColumn): string | number | Date | null {
  if (cell === null) return null;
  if (column.kind === "share") return shareValue(cell);
  if (column.kind === "euros") return euros(cell as bigint);
  if (column.kind === "date") return new Date(`${cell as string}T00:00Z`);
  if (column.kind === "datetime") return new Date(`${toParisLocal(cell as Date)}Z`);
  return cell as string | number;
}
