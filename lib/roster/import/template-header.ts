/**
 * The header line of the app's template: where it is (a title and blank lines may stand above it),
 * which separator the CSV uses, which column holds which field, and the French messages when the
 * header is not the template's.
 *
 * Public API: `HEADER_SEARCH_LINES`, `isHeaderRow`, `headerNotFound`, `ignoredLinesNote`, `detectCsvHeader`,
 * `readTemplateHeader`, `ColumnIndexes`, `SEPARATOR_NAMES`.
 */
import { COMPUTED_COLUMNS, TEMPLATE_COLUMNS, type TemplateColumn, type TemplateColumnKey } from "../template/columns";
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
export function detectCsvHeader(lines: readonly string[]): { separator: CsvSeparator; line: number } | { error: string } {
  const searched = lines
    .map((text, index) => ({ line: index + 1, text }))
    .filter(({ text }) => !/^[\s;,"]*$/.test(text))
    .slice(0, HEADER_SEARCH_LINES);
  for (const { line, text } of searched) {
    const separator = headerSeparator(text);
    if (separator !== null) return { separator, line };
  }
  return { error: headerNotFound(searched, "CSV") };
}

/**
 * Column of each field, or the blocking errors; unknown columns are ignored with a warning, the
 * export's computed columns without one (the file is the app's own export).
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
  const missing = TEMPLATE_COLUMNS.filter((column) => indexes[column.key] === undefined).map((column) => `« ${column.header} »`);
  if (missing.length > 0) {
    errors.push(
      `Ligne ${line} : ${missing.length === 1 ? "colonne obligatoire absente" : "colonnes obligatoires absentes"} : ${missing.join(", ")}. Partez du modèle de fichier de l'application.`,
    );
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, indexes: indexes as ColumnIndexes, warnings };
}
