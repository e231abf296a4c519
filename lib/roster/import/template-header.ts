/**
 * The header line of the app's template: where it is (a title and blank lines may stand above it),
 * which separator the CSV uses, which column holds which field, and the French messages when the
 * header is not the template's.
 *
 * Public API: `HEADER_SEARCH_LINES`, `isHeaderRow`, `headerNotFound`, `ignoredLinesNote`, `detectCsvHeader`,
 * `readTemplateHeader`, `ColumnIndexes`, `SEPARATOR_NAMES`.
 */
import { COMPUTED_COLUMNS, EVERY_COLUMN_PRESENT, TEMPLATE_COLUMNS, type TemplateColumn, type TemplateColumnKey } from "../template/columns";
import { comparable } from "../template/normalize";

export type CsvSeparator = ";" | "," | "\t";
export type ColumnIndexes = Record<TemplateColumnKey, number>;

export const SEPARATOR_NAMES: Readonly<Record<CsvSeparator | "|", string>> = {
  ";": "point-virgule (;)",
  ",": "virgule (,)",
  "\t": "tabulation",
  "|": "barre verticale (|)",
};

const HEADER_LOOKUP = new Map<string, TemplateColumnKey>();
for (const column of TEMPLATE_COLUMNS as readonly TemplateColumn[]) {
  for (const spelling of [column.header, ...(column.aliases ?? [])]) HEADER_LOOKUP.set(comparable(spelling), column.key);
}
/** The export's computed columns (its verdicts of the day): read by nobody, skipped without a word. */
const COMPUTED_HEADERS = new Set(COMPUTED_COLUMNS.map((column) => comparable(column.header)));
const HEADER_NAMES = TEMPLATE_COLUMNS.map((column) => column.header);
const ACCEPTED = "Enregistrez le fichier avec des points-virgules (;), des virgules (,) ou des tabulations entre les colonnes.";

function knownHeaderCount(cells: readonly string[]): number {
  return cells.filter((cell) => HEADER_LOOKUP.has(comparable(cell.replace(/^"|"$/g, "")))).length;
}

/**
 * When the template's headers are all in one piece of text (a separator we do not read, or a CSV
 * pasted in one spreadsheet column), the character that most likely separates them; "" when none
 * stands out; null when the text does not look like the template's header at all.
 */
function headerInOnePiece(text: string): string | null {
  const words = ` ${comparable(text)} `;
  const found = HEADER_NAMES.filter((header) => words.includes(` ${comparable(header)} `)).length;
  if (found < 3) return null;
  const counts = new Map<string, number>();
  for (const char of text.match(/[^\p{L}\p{N}\s'’()+]/gu) ?? []) counts.set(char, (counts.get(char) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best !== undefined && best[1] >= 2 ? best[0] : "";
}

/**
 * How many of the file's first non-blank lines are searched for the header row: directors often put
 * a title (« Liste du personnel – EHPAD Les Tilleuls – mars 2026 ») and a blank line above the
 * column names. Blank lines are not counted: they were always skipped above the header.
 */
export const HEADER_SEARCH_LINES = 10;

/** A row naming at least two of the template's columns is the header row (a missing column is then named). */
export function isHeaderRow(cells: readonly string[]): boolean {
  return knownHeaderCount(cells) >= 2;
}

function notTheTemplate(text: string, where: "CSV" | "XLSX", line: number): string | null {
  const separator = headerInOnePiece(text);
  if (separator === null) return null;
  if (where === "XLSX") {
    return `Ligne ${line} : l'en-tête tient dans une seule cellule : un fichier CSV a sans doute été collé dans une seule colonne. Dans Excel, utilisez « Données > Convertir », ou importez directement le fichier CSV.`;
  }
  const named = separator === "" ? "le séparateur de colonnes n'est pas reconnu" : `le séparateur « ${separator} » n'est pas accepté`;
  return `Ligne ${line} : l'en-tête tient dans une seule colonne : ${named}. ${ACCEPTED}`;
}

const NO_HEADER = `Aucune des colonnes attendues n'a été trouvée dans les ${HEADER_SEARCH_LINES} premières lignes non vides du fichier. Les intitulés des colonnes doivent être écrits sur une même ligne, un par colonne, au-dessus des professionnels : ${HEADER_NAMES.join(", ")}. Partez du modèle de fichier de l'application.`;

/**
 * Why no line is the header row, given the first lines' text (line number and text): a line
 * holding the template's headers in one piece is named with its problem.
 */
export function headerNotFound(lines: ReadonlyArray<{ line: number; text: string }>, where: "CSV" | "XLSX"): string {
  for (const { line, text } of lines) {
    const message = notTheTemplate(text, where, line);
    if (message !== null) return message;
  }
  return NO_HEADER;
}

/** What the preview says of the lines above the header row, when one of them was not blank. */
export function ignoredLinesNote(headerLine: number): string {
  return headerLine === 2
    ? "La première ligne, avant les intitulés de colonnes, a été ignorée."
    : `Les ${headerLine - 1} premières lignes, avant les intitulés de colonnes, ont été ignorées.`;
}

/** The separator that splits a line into the most template headers, when it splits it into a header row. */
function headerSeparator(text: string): CsvSeparator | null {
  let best: CsvSeparator | null = null;
  let bestCount = 1;
  for (const separator of [";", ",", "\t"] as const) {
    const count = knownHeaderCount(text.split(separator));
    if (count > bestCount) {
      best = separator;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The header row of a CSV (the first of its first non-blank lines that is one) and its separator.
 * A line of separators only (a blank spreadsheet row saved as CSV) is blank.
 */
export function detectCsvHeader(lines: Iterable<string>): { separator: CsvSeparator; line: number } | { error: string } {
  // Lines are taken as they come, up to the ones searched: a large file is not split whole.
  const searched: Array<{ line: number; text: string }> = [];
  let line = 0;
  for (const text of lines) {
    line++;
    if (!/^[\s;,"]*$/.test(text)) searched.push({ line, text });
    if (searched.length === HEADER_SEARCH_LINES) break;
  }
  for (const { line, text } of searched) {
    const separator = headerSeparator(text);
    if (separator !== null) return { separator, line };
  }
  return { error: headerNotFound(searched, "CSV") };
}

/** Words that tell nothing apart in a header (« Date de naissance » is « Date naissance »). */
const FILLER_WORDS = new Set(["de", "du", "des", "la", "le", "les", "a", "au", "aux", "en", "et"]);

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous.at(-1) ?? 0;
}

/**
 * How far a file's header is from one spelling of a template header, both `comparable`: its edit
 * distance for a typing slip (one character in six), otherwise 10 when one's words hold all the
 * other's (« Prénom usuel », « Date naissance »), whatever the number of words; null when unlike.
 */
function headerDistance(cell: string, spelling: string): number | null {
  const distance = editDistance(cell, spelling);
  if (distance <= Math.max(1, Math.floor(spelling.length / 6))) return distance;
  const words = (text: string) => new Set(text.split(" ").filter((word) => !FILLER_WORDS.has(word)));
  const [cellWords, spellingWords] = [words(cell), words(spelling)];
  const [fewer, more] = cellWords.size <= spellingWords.size ? [cellWords, spellingWords] : [spellingWords, cellWords];
  if (fewer.size === 0 || ![...fewer].every((word) => more.has(word))) return null;
  return 10;
}

/**
 * The missing template column a file's unknown header most likely stands for: the closest, when no
 * other is as close (« Besoin » could be any of four needs: none is said).
 */
function closestColumn(cell: string, candidates: readonly TemplateColumn[]): TemplateColumn | null {
  const ranked = candidates
    .map((column) => {
      const distances = [column.header, ...(column.aliases ?? [])].map((spelling) =>
        headerDistance(comparable(cell), comparable(spelling)),
      );
      return { column, distance: Math.min(...distances.map((distance) => distance ?? Infinity)) };
    })
    .filter(({ distance }) => distance !== Infinity)
    .sort((a, b) => a.distance - b.distance);
  const [best, next] = ranked;
  return best !== undefined && next?.distance !== best.distance ? best.column : null;
}

/**
 * The errors for the template's columns the header lacks: a file's unknown header that stands for
 * one of them is named with the header to give it; the others are said absent, beside the file's
 * headers left unrecognised.
 */
function missingColumnErrors(cells: readonly string[], indexes: Partial<ColumnIndexes>, line: number): string[] {
  let missing: readonly TemplateColumn[] = TEMPLATE_COLUMNS.filter((column) => indexes[column.key] === undefined);
  if (missing.length === 0) return [];
  const unknown = cells
    .map((cell) => cell.trim())
    .filter((cell) => cell !== "" && !HEADER_LOOKUP.has(comparable(cell)) && !COMPUTED_HEADERS.has(comparable(cell)));
  const errors: string[] = [];
  const unrecognised: string[] = [];
  for (const cell of unknown) {
    const column = closestColumn(cell, missing);
    if (column === null) {
      unrecognised.push(`« ${cell} »`);
      continue;
    }
    missing = missing.filter((other) => other !== column);
    errors.push(
      `Ligne ${line} : la colonne « ${cell} » n'est pas reconnue : renommez-la « ${column.header} » (modèle de fichier de l'application).`,
    );
  }
  if (missing.length > 0) {
    const absent = `${missing.length === 1 ? "colonne absente" : "colonnes absentes"} : ${missing.map((column) => `« ${column.header} »`).join(", ")}`;
    const others =
      unrecognised.length === 0
        ? ""
        : ` ; ${unrecognised.length === 1 ? "colonne du fichier non reconnue" : "colonnes du fichier non reconnues"} : ${unrecognised.join(", ")}`;
    errors.push(`Ligne ${line} : ${absent}${others}. ${EVERY_COLUMN_PRESENT} : partez du modèle de fichier de l'application.`);
  }
  return errors;
}

/**
 * Column of each field, or the blocking errors (a missing column named with the file's header that
 * stands for it, if one does); unknown columns are ignored with a warning, the export's computed
 * columns without one (the file is the app's own export).
 */
export function readTemplateHeader(
  cells: readonly string[],
  where: "CSV" | "XLSX",
  line: number,
): { ok: true; indexes: ColumnIndexes; warnings: string[] } | { ok: false; errors: string[] } {
  if (!isHeaderRow(cells)) return { ok: false, errors: [notTheTemplate(cells.join(" "), where, line) ?? NO_HEADER] };
  const indexes: Partial<ColumnIndexes> = {};
  const errors: string[] = [];
  const warnings: string[] = [];
  cells.forEach((cell, index) => {
    const key = HEADER_LOOKUP.get(comparable(cell));
    if (key === undefined) {
      if (cell.trim() !== "" && !COMPUTED_HEADERS.has(comparable(cell)))
        warnings.push(`Colonne ignorée : « ${cell.trim()} » (elle ne fait pas partie du modèle).`);
      return;
    }
    const first = indexes[key];
    if (first === undefined) indexes[key] = index;
    else
      errors.push(
        `Ligne ${line} : la colonne « ${cell.trim()} » apparaît deux fois (colonnes ${first + 1} et ${index + 1}) : gardez-en une seule.`,
      );
  });
  errors.push(...missingColumnErrors(cells, indexes, line));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, indexes: indexes as ColumnIndexes, warnings };
}
