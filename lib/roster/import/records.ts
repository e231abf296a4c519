/**
 * Turns a CSV text or the worksheets of a workbook into numbered records of text cells, the one
 * shape the template reader works on.
 *
 * Public API: `FileRecord`, `WorksheetRecords`, `csvRecords`, `worksheetRecords`.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { dayToIsoDate, toDay } from "../dates";
import { formatBoolean } from "../template/values";
import { givingWay } from "../give-way";

/** One record; `line` is its number in the file (CSV record or worksheet row), the header being 1. */
export type FileRecord = { line: number; cells: string[] };

/** Characters of the text read between two chances to give way: about 10 ms of parsing. */
const PIECE_CHARS = 1 << 18;

/**
 * Records of a CSV text with a known separator. Blank records keep their number (a spreadsheet
 * shows them as rows) but are left out. A quote left open swallows the rest of the file: reported.
 * Line ends are made one before parsing: Papa Parse guesses a file's line end from its start, so
 * the template's header saved by Excel (CRLF) followed by lines typed in a text editor (LF) read
 * as one line. The text is parsed in pieces, as Papa Parse reads a stream (the last record of a
 * piece, maybe cut, is read again with the next one), giving way between them (`givingWay`).
 */
export async function csvRecords(text: string, separator: string): Promise<{ records: FileRecord[]; unclosedQuoteLine: number | null }> {
  const giveWay = givingWay();
  const records: FileRecord[] = [];
  let parsedRows = 0;
  let unclosedQuoteLine: number | null = null;
  let pending = "";
  for (let start = 0; start < text.length;) {
    // A piece ends after a line feed (or with the text), so that a CRLF is never cut.
    const cut = text.indexOf("\n", start + PIECE_CHARS);
    const end = cut === -1 ? text.length : cut + 1;
    const last = end === text.length;
    const piece = pending + text.slice(start, end).replace(/\r\n?/g, "\n");
    const parsed = new Papa.Parser({ delimiter: separator, newline: "\n" }).parse(piece, 0, !last) as Papa.ParseResult<string[]>;
    parsed.data.forEach((cells, index) => {
      if (cells.some((cell) => cell.trim() !== "")) records.push({ line: parsedRows + index + 1, cells });
    });
    const unclosed = parsed.errors.find((error) => error.code === "MissingQuotes");
    if (unclosed?.row !== undefined) unclosedQuoteLine = parsedRows + unclosed.row + 1;
    parsedRows += parsed.data.length;
    pending = piece.slice(parsed.meta.cursor);
    start = end;
    await giveWay();
  }
  return { records, unclosedQuoteLine };
}

/** Text of a cell as the template reader expects it: dates as AAAA-MM-JJ, booleans as Oui / Non. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return formatBoolean(value);
  // Excel stores a date as a day count; exceljs returns it at UTC midnight of that day.
  if (value instanceof Date) return dayToIsoDate(toDay(value));
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  return "";
}

/** A worksheet's name and its non-blank rows. */
export type WorksheetRecords = { name: string; records: FileRecord[] };

/** Records of every worksheet, in the workbook's order; throws when the bytes are not a workbook. */
export async function worksheetRecords(bytes: Uint8Array): Promise<WorksheetRecords[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook.worksheets.map((sheet) => {
    const records: FileRecord[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      // row.values is 1-based (index 0 is empty) and sparse.
      const values = row.values as ExcelJS.CellValue[];
      for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
      if (cells.some((cell) => cell.trim() !== "")) records.push({ line, cells });
    });
    return { name: sheet.name, records };
  });
}
