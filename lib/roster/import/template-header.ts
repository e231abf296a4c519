/**
 * The header line of the app's template: which separator the CSV uses, which column holds which
 * field, and the French messages when the header is not the template's.
 *
 * Public API: `detectSeparator`, `readTemplateHeader`, `ColumnIndexes`, `SEPARATOR_NAMES`.
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

function notTheTemplate(text: string, where: "CSV" | "XLSX", line: number): string {
  const separator = headerInOnePiece(text);
  if (separator === null) {
    return `Ligne ${line} : aucune des colonnes attendues n'a été trouvée. La première ligne doit contenir les en-têtes du modèle : ${HEADER_NAMES.join(", ")}.`;
  }
  if (where === "XLSX") {
    return `Ligne ${line} : l'en-tête tient dans une seule cellule : un fichier CSV a sans doute été collé dans une seule colonne. Dans Excel, utilisez « Données > Convertir », ou importez directement le fichier CSV.`;
  }
  const named = separator === "" ? "le séparateur de colonnes n'est pas reconnu" : `le séparateur « ${separator} » n'est pas accepté`;
  return `Ligne ${line} : l'en-tête tient dans une seule colonne : ${named}. ${ACCEPTED}`;
}

/** The separator that splits the first line into the most template headers. */
export function detectSeparator(firstLine: string, line: number): { separator: CsvSeparator } | { error: string } {
  let best: CsvSeparator | null = null;
  let bestCount = 1;
  for (const separator of [";", ",", "\t"] as const) {
    const count = knownHeaderCount(firstLine.split(separator));
    if (count > bestCount) {
      best = separator;
      bestCount = count;
    }
  }
  return best === null ? { error: notTheTemplate(firstLine, "CSV", line) } : { separator: best };
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
  if (knownHeaderCount(cells) < 2) return { ok: false, errors: [notTheTemplate(cells.join(" "), where, line)] };
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
