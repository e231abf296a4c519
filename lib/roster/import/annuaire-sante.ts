/**
 * The national directory extract « PS_LibreAcces_Personne_activite_AAAAMMJJhhmm.txt » (Annuaire
 * Santé, docs/domain/file-formats.md): `|`-separated, a trailing `|` on every line, no quoting,
 * one line per professional × activity site, about 2 million lines for the country.
 *
 * - Columns are found by name (both header variants; accents, case and « d' » do not matter).
 * - Only the lines of the given FINESS numbers (site or legal entity) are read. The file may be the
 *   whole country (~800 MB, more than a JavaScript string can hold), so the FINESS numbers are
 *   searched in the bytes and only the lines holding them are decoded.
 * - One person on several lines (several sites or activities) becomes one row listing its lines.
 * - Identifiers stay strings. RPPS: « Identifiant PP » when « Type d'identifiant PP » is 8,
 *   otherwise from the national identifier 8 + RPPS; a line with no RPPS (ADELI) is rejected.
 * - Mode of exercise S → salaried, L → self-employed; B (volunteer), I and others have no
 *   population in the roster (the roster keeps its own; a newcomer is added by hand). Category
 *   C / E / M → civil / student / public agent; a student (E) is counted as an intern, whatever
 *   the mode.
 * - The extract's date, read from the file name, is recorded as the RPPS link check.
 * - An RPPS+ professional (profession 99) takes their role (TRE_R85) as profession. The classic
 *   extract has no role column: such a line has no profession, the roster keeps the one it has,
 *   and the import plan refuses a newcomer with `RPPS_PLUS_ROLE_ADVICE` (the parser does not know
 *   who is in the roster).
 *
 * Public API: `readAnnuaireSante`, `RPPS_PLUS_ROLE_ADVICE` (recognising the header: `annuaire-sante-header.ts`).
 */
import type { Population, ProfessionalCategory } from "@/lib/db/generated/enums";
import { isValidFiness, normalizeFiness } from "@/lib/identifiers/finess";
import { isAdeliNumber, isValidRpps, rppsFromNationalId } from "@/lib/identifiers/rpps";
import { dayToDate, formatDayFr, parseIsoDay, toDay } from "../dates";
import { comparable, singleLine } from "../template/normalize";
import { parseName } from "../template/values";
import { ID_COLUMN, ID_TYPE_COLUMN } from "./annuaire-sante-header";
import { controlCharacterIn } from "./control-characters";
import { decodeLines, linesContaining, type FileLine } from "./extract-lines";
import { rosterMatchKey } from "./match-key";
import type { DirectoryImportRow, RejectedLine, RosterImportResult } from "./types";

const COLUMNS = {
  idType: ID_TYPE_COLUMN,
  id: ID_COLUMN,
  nationalId: "Identification nationale PP",
  lastName: "Nom d'exercice",
  firstName: "Prénom d'exercice",
  profession: "Code profession",
  category: "Code catégorie professionnelle",
  mode: "Code mode exercice",
  finessSite: "Numéro FINESS site",
  finessLegalEntity: "Numéro FINESS établissement juridique",
} as const;
type Column = keyof typeof COLUMNS;
const PROFESSION_LABEL = comparable("Libellé profession");
/** The role of an RPPS+ professional (TRE_R85), in the extracts that carry it. */
const ROLE = comparable("Code rôle");
/** RPPS+'s profession: the social and medico-social professionals, told apart by their role. */
const RPPS_PLUS_PROFESSION = "99";
/** How a director adds an RPPS+ professional the extract cannot describe (no role, or an unknown one). */
export const RPPS_PLUS_ROLE_ADVICE =
  "ajoutez-le avec le modèle de fichier de l'application, son rôle comme code profession (313 Aide-soignant, 328 Accompagnant éducatif et social…).";

const CATEGORIES: Readonly<Record<string, ProfessionalCategory>> = { C: "CIVIL", E: "STUDENT", M: "PUBLIC_AGENT" };
const POPULATIONS: Readonly<Record<string, Population>> = { S: "SALARIED", L: "SELF_EMPLOYED" };

const NEWLINE = 0x0a;

/**
 * « PS_LibreAcces_Personne_activite_202603120815.txt » → 2026-03-12, also once the browser or the
 * director renamed it « …0815 (1).txt » or « …0815-ehpad.csv ».
 */
function extractDate(fileName: string): Date | null {
  const match = /_(\d{4})(\d{2})(\d{2})\d{4}(?!\d)/.exec(fileName);
  const day = match ? parseIsoDay(`${match[1]}-${match[2]}-${match[3]}`) : null;
  return day === null ? null : dayToDate(day);
}

function splitLine(text: string): string[] {
  // Every line ends with `|`: the empty field after it is not a column.
  return text.replace(/\r$/, "").replace(/\|$/, "").split("|");
}

export function readAnnuaireSante(
  input: Uint8Array,
  fileName: string,
  options: { finess: readonly string[]; professionCodes: ReadonlySet<string> },
): RosterImportResult {
  const result: RosterImportResult = {
    format: "ANNUAIRE_SANTE",
    encoding: null,
    separator: "|",
    rows: [],
    rejected: [],
    errors: [],
    warnings: [],
    notes: [],
  };
  const finess = options.finess.map(normalizeFiness);
  const invalid = finess.filter((number) => !isValidFiness(number));
  if (finess.length === 0 || invalid.length > 0) {
    result.errors.push(
      finess.length === 0
        ? "Indiquez le numéro FINESS de l'établissement : seules ses lignes sont lues dans l'extraction de l'Annuaire Santé."
        : `Numéro FINESS invalide : ${invalid.join(", ")}.`,
    );
    return result;
  }

  const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  const bytes = Buffer.from(input.buffer, input.byteOffset + bom, input.byteLength - bom);
  const headerEnd = bytes.indexOf(NEWLINE);
  const headerLine: FileLine = { number: 1, start: 0, end: headerEnd === -1 ? bytes.length : headerEnd };
  const candidates = linesContaining(bytes, finess).filter((line) => line.number > 1);
  const decoded = decodeLines(bytes, headerLine, candidates);
  result.encoding = bom && decoded.encoding === "UTF-8" ? "UTF-8-BOM" : decoded.encoding;

  const headerCells = splitLine(decoded.header).map(comparable);
  const index = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const [column, name] of Object.entries(COLUMNS) as [Column, string][]) {
    index[column] = headerCells.indexOf(comparable(name));
    if (index[column] === -1) missing.push(`« ${name} »`);
  }
  if (missing.length > 0) {
    result.errors.push(`Ligne 1 : colonnes absentes de l'extraction de l'Annuaire Santé : ${missing.join(", ")}.`);
    return result;
  }
  const labelIndex = headerCells.indexOf(PROFESSION_LABEL);
  const roleIndex = headerCells.indexOf(ROLE);

  const wanted = new Set(finess);
  const people = new Map<string, DirectoryImportRow>();
  const checkedAt = extractDate(fileName);
  let keptLines = 0;
  candidates.forEach((line, position) => {
    const cells = splitLine(decoded.lines[position] ?? "");
    const cell = (column: Column) => singleLine(cells[index[column]] ?? "");
    if (!wanted.has(cell("finessSite")) && !wanted.has(cell("finessLegalEntity"))) return; // the number was elsewhere on the line
    keptLines++;
    const row = readPerson(
      line.number,
      cell,
      labelIndex === -1 ? "" : (cells[labelIndex] ?? "").trim(),
      roleIndex === -1 ? "" : (cells[roleIndex] ?? "").trim(),
      checkedAt,
      options.professionCodes,
      result,
    );
    if (row === null) return;
    const known = people.get(row.rpps);
    if (known === undefined) {
      people.set(row.rpps, row);
    } else {
      known.lines.push(line.number);
      if (known.professionCode !== row.professionCode) {
        result.warnings.push(
          `Lignes ${known.line} et ${line.number} : le professionnel RPPS ${row.rpps} figure avec deux professions (${known.professionCode ?? RPPS_PLUS_PROFESSION} et ${row.professionCode ?? RPPS_PLUS_PROFESSION}) ; la première est retenue.`,
        );
      }
    }
  });

  const rows = [...people.values()];
  result.rows = rows;
  const multiple = rows.filter((row) => row.lines.length > 1).length;
  result.notes.push(
    `Extraction de l'Annuaire Santé : ${keptLines} ligne${keptLines > 1 ? "s" : ""} pour le FINESS ${finess.join(" ou ")}, soit ${result.rows.length} professionnel${result.rows.length > 1 ? "s" : ""}` +
      (multiple > 0 ? ` (${multiple} sur plusieurs lignes, une par site ou activité, regroupées).` : "."),
  );
  if (checkedAt !== null) {
    result.notes.push(`Extraction du ${formatDayFr(toDay(checkedAt))} : cette date est retenue comme vérification du lien RPPS.`);
  } else {
    result.warnings.push(
      "La date de l'extraction ne figure pas dans le nom du fichier (PS_LibreAcces_Personne_activite_AAAAMMJJhhmm.txt) : la vérification du lien RPPS ne sera pas datée.",
    );
  }
  if (keptLines === 0)
    result.warnings.push(`Aucune ligne de l'extraction ne correspond au FINESS ${finess.join(" ou ")} : vérifiez le numéro.`);
  return result;
}

function readPerson(
  line: number,
  cell: (column: Column) => string,
  professionLabel: string,
  role: string,
  checkedAt: Date | null,
  professionCodes: ReadonlySet<string>,
  result: RosterImportResult,
): DirectoryImportRow | null {
  const reject = (...messages: string[]) => {
    result.rejected.push({ line, messages } satisfies RejectedLine);
    return null;
  };
  for (const [column, name] of Object.entries(COLUMNS) as [Column, string][]) {
    const invisible = controlCharacterIn(cell(column));
    if (invisible)
      return reject(
        `Ligne ${line} : la colonne « ${name} » contient ${invisible} : l'extraction est sans doute abîmée, téléchargez-la de nouveau.`,
      );
  }
  const id = cell("id");
  const rpps = cell("idType") === "8" ? id : rppsFromNationalId(cell("nationalId"));
  if (rpps === null || rpps === "") {
    return reject(
      `Ligne ${line} : pas de numéro RPPS (identifiant ${id || cell("nationalId")}${isAdeliNumber(id || cell("nationalId")) ? ", un numéro ADELI" : ""}) : ajoutez ce professionnel avec le modèle de fichier de l'application, sans numéro RPPS, avec sa date de naissance.`,
    );
  }
  if (!isValidRpps(rpps)) return reject(`Ligne ${line} : le numéro RPPS ${rpps} est invalide : sa clé de contrôle ne correspond pas.`);
  const lastName = cell("lastName");
  const firstName = cell("firstName");
  const profession = cell("profession");
  // The roster records an RPPS+ professional's role as their profession (313 Aide-soignant…);
  // without a role column, the roster's own (the plan refuses a newcomer).
  const professionCode = profession !== RPPS_PLUS_PROFESSION ? profession : role !== "" ? role : null;
  const messages: string[] = [];
  if (lastName === "" || firstName === "") messages.push(`Ligne ${line} : le nom ou le prénom d'exercice n'est pas renseigné.`);
  for (const [name, header] of [
    [lastName, COLUMNS.lastName],
    [firstName, COLUMNS.firstName],
  ] as const) {
    const parsed = parseName(name, header);
    if (!parsed.ok) messages.push(...parsed.errors.map((error) => `Ligne ${line} : ${error}.`));
  }
  if (professionCode !== null && !professionCodes.has(professionCode)) {
    const label = professionLabel === "" ? "" : ` (${professionLabel})`;
    messages.push(
      profession === RPPS_PLUS_PROFESSION
        ? `Ligne ${line} : professionnel RPPS+ (profession 99) au rôle « ${role} » absent de la liste des professions : ${RPPS_PLUS_ROLE_ADVICE}`
        : `Ligne ${line} : le code profession « ${professionCode} »${label} n'existe pas dans la liste des professions.`,
    );
  }
  if (messages.length > 0) return reject(...messages);

  const categoryCode = cell("category");
  const category = CATEGORIES[categoryCode];
  if (category === undefined) {
    result.warnings.push(
      `Ligne ${line} : catégorie professionnelle « ${categoryCode} » inconnue (C, E ou M attendu) : « Civil » est retenu.`,
    );
  }
  // No population (volunteer, unknown mode): the roster keeps the one it has, and a newcomer is
  // refused by the import plan, which says to add them by hand.
  const population = category === "STUDENT" ? "INTERN" : (POPULATIONS[cell("mode")] ?? null);
  return {
    source: "ANNUAIRE_SANTE",
    line,
    lines: [line],
    matchKey: rosterMatchKey({ rpps, lastName, firstName, birthDate: null }) ?? "",
    lastName,
    firstName,
    rpps,
    rppsStatus: "REGISTERED",
    rppsCheckedAt: checkedAt,
    professionCode,
    category: category ?? "CIVIL",
    population,
  };
}
