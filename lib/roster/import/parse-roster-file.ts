/**
 * Reads an uploaded roster file, without the database: recognises its format from its content
 * (the file name only names it in messages), decodes it, validates every line and returns the
 * rows to import with everything the director must know, in French.
 *
 * Formats: the app's template as CSV (`;`, `,` or tab) or as an Excel workbook (the first sheet
 * holding the template's column names, which the preview names), and
 * the Annuaire Santé extract (lines of the given FINESS numbers only). An Excel 97-2003 (.xls)
 * file or a LibreOffice (.ods) one is refused with the way out; a PDF or an image is named as such.
 *
 * Public API: `parseRosterFile(file, options)` → `RosterImportResult` (see `types.ts`);
 * `firstLinesRefusal(file)` → the whole-file error its first bytes already show, before it is read.
 */
import { readAnnuaireSante } from "./annuaire-sante";
import { looksLikeAnnuaireSante } from "./annuaire-sante-header";
import { accentCheckWarning, decodeFileText, decodeText, encodingNote } from "./decode";
import { csvRecords, worksheetRecords, type WorksheetRecords } from "./records";
import { detectCsvHeader, SEPARATOR_NAMES } from "./template-header";
import { headerRecordIndex, readTemplateRecords } from "./template-file";
import type { RosterImportOptions, RosterImportResult } from "./types";
import { professionCodeReader } from "../template/profession-names";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** Files people pick by mistake, by their first bytes: named for what they are, not read as a CSV. */
const NOT_A_TABLE: ReadonlyArray<{ prefix: readonly number[]; what: string }> = [
  { prefix: [0x25, 0x50, 0x44, 0x46], what: "un document PDF" },
  { prefix: [0x89, 0x50, 0x4e, 0x47], what: "une image (PNG)" },
  { prefix: [0xff, 0xd8, 0xff], what: "une image (JPEG)" },
];

/** A LibreOffice (OpenDocument) workbook is a ZIP whose first entry names its kind. */
function isOpenDocumentSpreadsheet(bytes: Uint8Array): boolean {
  return new TextDecoder("latin1").decode(bytes.subarray(0, 120)).includes("application/vnd.oasis.opendocument.spreadsheet");
}

function emptyResult(errors: string[]): RosterImportResult {
  return { format: null, encoding: null, rows: [], rejected: [], errors, warnings: [], notes: [] };
}

type Corrections = RosterImportOptions["corrections"];
type ProfessionCodeOf = (text: string) => string | null;

/** « « A » », « « A » et « B » », « « A », « B » et « C » ». */
function quotedList(names: readonly string[]): string {
  const quoted = names.map((name) => `« ${name} »`);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} et ${quoted.at(-1)}`;
}

/** Which sheet was read, and why not the ones before it. */
function sheetNote(sheets: readonly WorksheetRecords[], read: WorksheetRecords): string {
  if (sheets.length === 1) return `Classeur Excel : feuille « ${read.name} » lue.`;
  const before = sheets.slice(0, sheets.indexOf(read));
  if (before.length === 0) return `Le classeur contient ${sheets.length} feuilles : seule la première (« ${read.name} ») est lue.`;
  const one = before.length === 1;
  const why = before.every((sheet) => sheet.records.length === 0)
    ? one
      ? "est vide"
      : "sont vides"
    : `${one ? "ne contient pas" : "ne contiennent pas"} les intitulés de colonnes du modèle`;
  return `Feuille « ${read.name} » lue : ${one ? "la feuille" : "les feuilles"} ${quotedList(before.map((sheet) => sheet.name))}, avant elle, ${why}.`;
}

async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  professionCodeOf: ProfessionCodeOf,
  corrections: Corrections,
): Promise<RosterImportResult> {
  let sheets;
  try {
    sheets = await worksheetRecords(bytes);
  } catch {
    return emptyResult([
      `Le fichier « ${fileName} » n'a pas pu être lu comme un classeur Excel (.xlsx) : il est peut-être abîmé ou protégé par un mot de passe.`,
    ]);
  }
  if (sheets.length === 0) {
    return emptyResult([`Le fichier « ${fileName} » ne contient aucune feuille de calcul : enregistrez-le depuis Excel ou LibreOffice.`]);
  }
  // The first sheet with the template's column names (a « Notice » sheet may come first); when
  // none has them, the first sheet that is not empty, whose reading says what is missing.
  const withHeader = sheets.filter((sheet) => headerRecordIndex(sheet.records) !== -1);
  const read = withHeader[0] ?? sheets.find((sheet) => sheet.records.length > 0) ?? sheets[0]!;
  const reading = await readTemplateRecords(read.records, "XLSX", professionCodeOf, corrections);
  const unread = withHeader.slice(1).map((sheet) => sheet.name);
  const warnings =
    unread.length === 0
      ? reading.warnings
      : [
          `${unread.length === 1 ? `La feuille ${quotedList(unread)} contient` : `Les feuilles ${quotedList(unread)} contiennent`} aussi les intitulés de colonnes du modèle mais ${unread.length === 1 ? "n'a pas été lue" : "n'ont pas été lues"} : seule la feuille « ${read.name} » est importée. Importez les autres dans un second temps, ou rassemblez les professionnels dans une seule feuille.`,
          ...reading.warnings,
        ];
  return { format: "XLSX", encoding: null, ...reading, warnings, notes: [sheetNote(sheets, read), ...reading.notes] };
}

/** Where a CSV's header is, or why it has none; `text` is the whole file's, or its first lines' (then never said empty). */
function csvHeader(text: string, whole = true): ReturnType<typeof detectCsvHeader> {
  if (whole && text.trim() === "") return { error: "Le fichier est vide." };
  return detectCsvHeader(textLines(text));
}

/** A text's lines, one at a time, numbered as the records are (csvRecords makes every line end one). */
function* textLines(text: string): Generator<string> {
  const lineEnd = /\r\n?|\n/g;
  let start = 0;
  for (let end = lineEnd.exec(text); end !== null; end = lineEnd.exec(text)) {
    yield text.slice(start, end.index);
    start = lineEnd.lastIndex;
  }
  yield text.slice(start);
}

async function readCsv(bytes: Uint8Array, professionCodeOf: ProfessionCodeOf, corrections: Corrections): Promise<RosterImportResult> {
  const { text, encoding } = await decodeFileText(bytes);
  const result: RosterImportResult = {
    format: "CSV",
    encoding,
    rows: [],
    rejected: [],
    errors: [],
    warnings: [],
    notes: [encodingNote(encoding)],
  };
  const detected = csvHeader(text);
  if ("error" in detected) return { ...result, errors: [detected.error] };
  result.separator = detected.separator;
  result.notes.push(`Séparateur de colonnes : ${SEPARATOR_NAMES[detected.separator]}.`);
  const { records, unclosedQuoteLine } = await csvRecords(text, detected.separator);
  if (unclosedQuoteLine !== null) {
    return {
      ...result,
      errors: [
        `Ligne ${unclosedQuoteLine} : un guillemet (") ouvert n'est jamais refermé, la suite du fichier ne peut pas être lue. Corrigez cette ligne.`,
      ],
    };
  }
  const reading = await readTemplateRecords(records, "CSV", professionCodeOf, corrections);
  return { ...result, ...reading, notes: [...result.notes, ...reading.notes] };
}

/** A Windows-1252 file: the names to check, among the warnings. */
function withAccentCheck(result: RosterImportResult): RosterImportResult {
  if (result.encoding !== "WINDOWS-1252") return result;
  const warning = accentCheckWarning(result.rows.map((row) => `${row.firstName} ${row.lastName}`));
  return warning === null ? result : { ...result, warnings: [warning, ...result.warnings] };
}

export async function parseRosterFile(
  file: { bytes: Uint8Array; fileName: string },
  options: RosterImportOptions,
): Promise<RosterImportResult> {
  return withAccentCheck(await readRosterFile(file, options));
}

/** What the file is, by its first bytes, when it is not a roster the app reads. */
function wrongKind(bytes: Uint8Array, fileName: string): string | null {
  if (bytes.length === 0) return `Le fichier « ${fileName} » est vide.`;
  const notATable = NOT_A_TABLE.find((kind) => startsWith(bytes, kind.prefix));
  if (notATable) {
    return `Le fichier « ${fileName} » est ${notATable.what}, pas un tableau : choisissez le registre enregistré au format Excel (.xlsx) ou CSV, sur le modèle d'import.`;
  }
  if (startsWith(bytes, ZIP) && isOpenDocumentSpreadsheet(bytes)) {
    return `Le fichier « ${fileName} » est un classeur LibreOffice (.ods), qui n'est pas pris en charge : dans LibreOffice, choisissez « Fichier › Enregistrer sous » au format Excel (.xlsx) ou CSV.`;
  }
  if (startsWith(bytes, ZIP)) return null;
  if (startsWith(bytes, OLE)) {
    return "Le format Excel 97-2003 (.xls) n'est pas pris en charge : enregistrez le fichier au format Excel (.xlsx) ou CSV.";
  }
  if (/\.xlsx$/i.test(fileName)) {
    return `Le fichier « ${fileName} » porte l'extension .xlsx mais n'est pas un classeur Excel : enregistrez-le de nouveau depuis Excel.`;
  }
  return null;
}

/** Whether a text file is an Annuaire Santé extract, by its first line. */
function isAnnuaireSante(bytes: Uint8Array): boolean {
  // The extract can be larger than a JavaScript string: look at its first line only, then read it by bytes.
  const start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
  const newline = bytes.indexOf(0x0a);
  return looksLikeAnnuaireSante(
    new TextDecoder("utf-8").decode(bytes.subarray(start, newline === -1 ? Math.min(bytes.length, 4096) : newline)),
  );
}

/**
 * The first bytes searched for a CSV's header: its first lines, however long a title above it, are
 * far shorter; a file with no line end in them is no table (100 MB of NUL bytes is not read).
 */
export const FIRST_LINES_BYTES = 1 << 20;

/**
 * The error the whole reading would give, when the file's first bytes already show it (its kind, or
 * a CSV whose first lines hold no header): the file is then refused before it is read or stored.
 * Null when only the whole reading can tell (a workbook, an extract, a CSV with a header).
 */
export function firstLinesRefusal(file: { bytes: Uint8Array; fileName: string }): string | null {
  const { bytes, fileName } = file;
  const kind = wrongKind(bytes, fileName);
  if (kind !== null || startsWith(bytes, ZIP) || isAnnuaireSante(bytes)) return kind;
  // Whole lines only: a line cut in the middle of a character would not decode as it does in full.
  const whole = bytes.length <= FIRST_LINES_BYTES;
  const head = whole ? bytes : bytes.subarray(0, bytes.lastIndexOf(0x0a, FIRST_LINES_BYTES) + 1);
  const detected = csvHeader(decodeText(head).text, whole);
  return "error" in detected ? detected.error : null;
}

async function readRosterFile(file: { bytes: Uint8Array; fileName: string }, options: RosterImportOptions): Promise<RosterImportResult> {
  const { bytes, fileName } = file;
  const professionCodes = new Set(options.professionCodes);
  const professionCodeOf = professionCodeReader(professionCodes, options.professionLabels ?? []);
  const kind = wrongKind(bytes, fileName);
  if (kind !== null) return emptyResult([kind]);
  if (startsWith(bytes, ZIP)) return readWorkbook(bytes, fileName, professionCodeOf, options.corrections);
  if (isAnnuaireSante(bytes)) {
    const result = readAnnuaireSante(bytes, fileName, { finess: options.finess ?? [], professionCodes });
    if (result.encoding !== null) result.notes.unshift(encodingNote(result.encoding));
    return result;
  }
  return readCsv(bytes, professionCodeOf, options.corrections);
}
