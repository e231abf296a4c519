/**
 * The app's template, from numbered records (CSV or a worksheet): header row (the first of the
 * file's first lines that is one, lines above it ignored), each line, and duplicates inside the file. A line repeating an earlier one (same RPPS number, or same last name,
 * first name and birth date when one of the two has no RPPS number) is rejected and names the
 * earlier line; the earlier one is kept.
 *
 * Public API: `readTemplateRecords`, `headerRecordIndex`.
 */
import type { FileRecord } from "./records";
import {
  type ColumnIndexes,
  HEADER_SEARCH_LINES,
  headerNotFound,
  ignoredLinesNote,
  isHeaderRow,
  readTemplateHeader,
} from "./template-header";
import { parisToday, toDay } from "../dates";
import { isMonthFirstDate, parseMieList } from "../template/values";
import { readTemplateRow } from "./template-row";
import { givingWay } from "../give-way";
import type { RejectedLine, TemplateImportRow } from "./types";
import type { TemplateColumnKey } from "../template/columns";

type TemplateReading = {
  rows: TemplateImportRow[];
  rejected: RejectedLine[];
  header?: string[];
  headerColumns?: Array<TemplateColumnKey | null>;
  rejectedCells?: Map<number, string[]>;
  errors: string[];
  warnings: string[];
  /** What was understood of the file's layout (lines above the header row ignored). */
  notes: string[];
};

/** Index among the (non-blank) records of the header row, or -1 when none of the first ones is. */
export function headerRecordIndex(records: readonly FileRecord[]): number {
  return records.slice(0, HEADER_SEARCH_LINES).findIndex((record) => isHeaderRow(record.cells));
}

export async function readTemplateRecords(
  records: readonly FileRecord[],
  where: "CSV" | "XLSX",
  professionCodeOf: (text: string) => string | null,
  corrections?: ReadonlyMap<number, readonly string[]>,
): Promise<TemplateReading> {
  if (records.length === 0) return { rows: [], rejected: [], errors: ["Le fichier est vide."], warnings: [], notes: [] };
  const headerIndex = headerRecordIndex(records);
  if (headerIndex === -1) {
    const searched = records.slice(0, HEADER_SEARCH_LINES);
    const error = headerNotFound(
      searched.map((record) => ({ line: record.line, text: record.cells.join(" ") })),
      where,
    );
    return { rows: [], rejected: [], errors: [error], warnings: [], notes: [] };
  }
  const header = records[headerIndex]!;
  const lines = records.slice(headerIndex + 1);
  // Blank lines above the header were always skipped without a word; a title above it is said.
  const notes = headerIndex > 0 ? [ignoredLinesNote(header.line)] : [];
  const headerReading = readTemplateHeader(header.cells, where, header.line);
  if (!headerReading.ok) return { rows: [], rejected: [], errors: headerReading.errors, warnings: [], notes };
  const { indexes } = headerReading;
  const width = header.cells.length;

  const rows: TemplateImportRow[] = [];
  const rejected: RejectedLine[] = [];
  const rejectedCells = new Map<number, string[]>();
  const today = toDay(parisToday());
  const lineOfRpps = new Map<string, number>();
  const lineOfPerson = new Map<string, { line: number; rpps: string | null }>();
  const giveWay = givingWay();
  for (const record of lines) {
    await giveWay();
    const { line } = record;
    // The header is never corrected in place: a wrong header is fixed in the file.
    const corrected = corrections?.get(line);
    const cells = corrected?.slice() ?? record.cells;
    const lastFilled = cells.findLastIndex((cell) => cell.trim() !== "");
    if (lastFilled >= width && where === "CSV") {
      // More values than columns: a separator inside a value that was not quoted. Often several
      // MIE in the last column, separated by the file's own separator: the MIE column and every
      // value beyond it then read as MIE.
      const mieCell = cells[indexes.enrollments] ?? "";
      const severalMie =
        indexes.enrollments === width - 1 &&
        mieCell.trim() !== "" &&
        [mieCell, ...cells.slice(width)].every((cell) => cell.trim() === "" || parseMieList(cell).ok);
      rejectedCells.set(line, cells);
      rejected.push({
        line,
        messages: [
          `Ligne ${line} : ${lastFilled + 1} valeurs pour ${width} colonnes : une valeur contient sans doute le séparateur sans être entre guillemets${severalMie ? ` (les valeurs en trop sont des MIE : dans la colonne « MIE », séparez-les par « , » ou « | »)` : ""}.`,
        ],
      });
      continue;
    }
    const typedColumns = corrected ? changedColumns(record.cells, corrected, indexes) : undefined;
    const reading = readTemplateRow(line, cells, { indexes, professionCodeOf, today, typedColumns });
    const messages = [...reading.messages];
    const sameRpps = reading.rpps === null ? undefined : lineOfRpps.get(reading.rpps);
    const earlier = reading.personKey === null ? undefined : lineOfPerson.get(reading.personKey);
    // Two different RPPS numbers are two people, even with the same name and birth date.
    const samePerson = earlier && (earlier.rpps === null || reading.rpps === null) ? earlier.line : undefined;
    if (sameRpps !== undefined) {
      messages.push(`Ligne ${line} : doublon de la ligne ${sameRpps} (même numéro RPPS ${reading.rpps}).`);
    } else if (samePerson !== undefined) {
      messages.push(`Ligne ${line} : doublon de la ligne ${samePerson} (mêmes nom, prénom et date de naissance).`);
    }
    if (reading.rpps !== null && sameRpps === undefined) lineOfRpps.set(reading.rpps, line);
    if (reading.personKey !== null && earlier === undefined) lineOfPerson.set(reading.personKey, { line, rpps: reading.rpps });
    if (reading.row !== null && messages.length === 0) rows.push(reading.row);
    else {
      const cellMessages = Object.fromEntries(
        Object.entries(reading.columnMessages).map(([key, texts]) => [indexes[key as TemplateColumnKey], texts]),
      );
      rejected.push({ line, messages, cellMessages });
      rejectedCells.set(line, cells);
    }
  }
  const columnAt = new Map(Object.entries(indexes).map(([key, index]) => [index, key as TemplateColumnKey]));
  const headerColumns = header.cells.map((_, index) => columnAt.get(index) ?? null);
  const monthFirst = await monthFirstWarning(lines, indexes, corrections);
  const warnings = monthFirst === null ? headerReading.warnings : [...headerReading.warnings, monthFirst];
  return { rows, rejected, header: header.cells, headerColumns, rejectedCells, errors: [], warnings, notes };
}

/** The columns whose cell a correction changed: what the person typed, not what the file holds. */
function changedColumns(original: readonly string[], corrected: readonly string[], indexes: ColumnIndexes): Set<TemplateColumnKey> {
  const keys = Object.keys(indexes) as TemplateColumnKey[];
  return new Set(keys.filter((key) => (corrected[indexes[key]] ?? "").trim() !== (original[indexes[key]] ?? "").trim()));
}

const DATE_COLUMNS = ["birthDate", "rppsCheckedAt", "activityStart", "activityEnd"] as const satisfies readonly TemplateColumnKey[];

/**
 * A file whose dates are written month first (a spreadsheet in English) has its other dates read
 * as days: « 2/1/1980 » becomes 2 January. Such a date is refused on its own line; this warning
 * says that the lines accepted may hold the same mistake, which the preview does not show.
 */
async function monthFirstWarning(
  lines: readonly { line: number; cells: readonly string[] }[],
  indexes: ColumnIndexes,
  corrections?: ReadonlyMap<number, readonly string[]>,
): Promise<string | null> {
  const giveWay = givingWay();
  for (const { line, cells: original } of lines) {
    await giveWay();
    const cells = corrections?.get(line) ?? original;
    for (const key of DATE_COLUMNS) {
      const text = cells[indexes[key]]?.trim() ?? "";
      if (isMonthFirstDate(text)) {
        return `Ligne ${line}, la date « ${text} » est écrite mois/jour, comme l'enregistre un tableur en anglais : les autres dates du fichier ont été lues jour/mois (JJ/MM/AAAA), « 2/1/1980 » comme le 2 janvier. Vérifiez-les, ou enregistrez le fichier avec des dates au format JJ/MM/AAAA.`;
      }
    }
  }
  return null;
}
