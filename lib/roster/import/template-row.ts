/**
 * One line of the app's template → a roster record, or the reasons it cannot be imported, each a
 * French sentence « Ligne 12 : … . ».
 *
 * Blank-value rules (product choices): « Catégorie » blank = Civil (the database default);
 * « Vérification d'identité » blank = Aucune; « Statut RPPS » blank = Enregistré when an RPPS
 * number is given (numbers are only issued on registration), Non enregistré otherwise; a need
 * left blank = Non. Without an RPPS number the birth date is required, since it is what recognises
 * the person on the next import.
 *
 * Public API: `TemplateRowContext`, `readTemplateRow`, `RowReading`.
 */
import { formatDayFr, parisToday, toDay, type Day } from "../dates";
import { RPPS_STATUS_LABELS } from "../labels";
import { restoreCell } from "../template/cell-safety";
import { CATEGORY, IDENTITY, POPULATION, RPPS_STATUS } from "../template/codecs";
import { TEMPLATE_COLUMNS, TEMPLATE_HEADERS, type TemplateColumnKey } from "../template/columns";
import { parseBoolean, parseDate, parseMieList, parseName, parseRpps, type Parsed } from "../template/values";
import { birthAndStartProblem, implausibleDayProblem } from "../past-days";
import { controlCharacterIn } from "./control-characters";
import { personKey, rosterMatchKey } from "./match-key";
import type { ColumnIndexes } from "./template-header";
import type { TemplateImportRow } from "./types";

/**
 * The values Excel shows in a cell whose formula failed (and writes as such to a CSV): read as
 * text they would become a name or a code. The line is refused on that cell instead.
 */
const EXCEL_ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

export type TemplateRowContext = {
  indexes: ColumnIndexes;
  /** The code of a profession given by its code or its name (`professionCodeReader`), null if unknown. */
  professionCodeOf: (text: string) => string | null;
  /** Today in Paris, read once per file: a later date is refused (asked per line: a fifth of a check). */
  today?: Day;
  /** The columns whose cell a person typed (a correction in the preview that changed the file's cell). */
  typedColumns?: ReadonlySet<TemplateColumnKey>;
};

/** What a line gives: the row when valid, and in any case what identifies the person (for duplicates). */
export type RowReading = {
  row: TemplateImportRow | null;
  messages: string[];
  /** The messages about one column's cell, so that a correction form shows each under its field. */
  columnMessages: Partial<Record<TemplateColumnKey, string[]>>;
  rpps: string | null;
  personKey: string | null;
};

type Complete<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/** Every reader that fails says why, so a field left undefined always comes with a message. */
function complete<T extends object>(values: T): values is T & Complete<T> {
  return Object.values(values).every((value) => value !== undefined);
}

/** Says what is wrong with the line, and in which column's cell when it is one cell's fault. */
type Say = (text: string, column?: TemplateColumnKey) => void;

type Values = {
  rpps: string | null | undefined;
  rppsStatus: string | undefined;
  birthDate: Date | null | undefined;
  rppsCheckedAt: Date | null | undefined;
  activityStart: Date | undefined;
  activityEnd: Date | null | undefined;
};

/** Rules between fields, checked on whatever could be read. */
function crossChecks(values: Values, say: Say, today: Day): void {
  const { rpps, rppsStatus, birthDate, rppsCheckedAt, activityStart, activityEnd } = values;
  if (rppsStatus === "REGISTERED" && rpps === null) {
    say(`le statut RPPS est « ${RPPS_STATUS_LABELS.REGISTERED} » mais le numéro RPPS n'est pas renseigné`, "rpps");
  }
  if (rppsStatus === "NOT_REGISTERED" && rpps) {
    say(
      `un numéro RPPS est renseigné mais le statut RPPS est « ${RPPS_STATUS_LABELS.NOT_REGISTERED} » : indiquez « ${RPPS_STATUS_LABELS.REGISTERED} » ou « ${RPPS_STATUS_LABELS.REQUESTED} »`,
      "rppsStatus",
    );
  }
  if (activityStart && activityEnd && activityEnd < activityStart) {
    say(
      `la fin d'activité (${formatDayFr(toDay(activityEnd))}) précède le début d'activité (${formatDayFr(toDay(activityStart))})`,
      "activityEnd",
    );
  }
  const tooLate = birthDate && activityStart ? birthAndStartProblem(toDay(birthDate), toDay(activityStart)) : null;
  if (tooLate) say(tooLate.charAt(0).toLowerCase() + tooLate.slice(1, -1), "birthDate");
  for (const [field, date] of [
    ["birthDate", birthDate],
    ["rppsCheckedAt", rppsCheckedAt],
  ] as const) {
    const problem = date ? implausibleDayProblem(field, toDay(date), today) : null;
    // « Ligne 12 : la date… . »: the sentence continues the line's number.
    if (problem) say(problem.charAt(0).toLowerCase() + problem.slice(1, -1), field);
  }
  if (rpps === null && birthDate === null) {
    say(
      "sans numéro RPPS, la date de naissance est obligatoire (elle permet de reconnaître le professionnel lors d'un prochain import)",
      "birthDate",
    );
  }
}

export function readTemplateRow(line: number, cells: readonly string[], context: TemplateRowContext): RowReading {
  const messages: string[] = [];
  const columnMessages: RowReading["columnMessages"] = {};
  const say: Say = (text, column) => {
    const message = `Ligne ${line} : ${text}.`;
    messages.push(message);
    if (column) (columnMessages[column] ??= []).push(message);
  };
  // Undo the export's protection against formula injection before anything else, once per cell.
  const writtenCells = new Map(TEMPLATE_COLUMNS.map(({ key }) => [key, restoreCell(cells[context.indexes[key]] ?? "").trim()]));
  const written = (key: TemplateColumnKey) => writtenCells.get(key)!;
  const failedFormulas = new Set(TEMPLATE_COLUMNS.filter((column) => EXCEL_ERROR.test(written(column.key))).map((column) => column.key));
  // A failed formula's cell is reported once, as such, then read as blank.
  const cell = (key: TemplateColumnKey) => (failedFormulas.has(key) ? "" : written(key));
  const take = <T>(column: TemplateColumnKey, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value;
    for (const error of parsed.errors) say(error, column);
    return undefined;
  };
  /** A blank cell is an error for these columns; `read` only sees non-blank text. */
  const required = <T>(key: TemplateColumnKey, read: (text: string) => Parsed<T | null>): T | undefined => {
    const text = cell(key);
    if (text !== "") return take(key, read(text)) ?? undefined;
    if (!failedFormulas.has(key)) say(`la colonne « ${TEMPLATE_HEADERS[key]} » doit être renseignée`, key);
    return undefined;
  };
  for (const key of failedFormulas) {
    say(
      `la colonne « ${TEMPLATE_HEADERS[key]} » contient l'erreur Excel ${written(key)} : corrigez la formule dans le fichier, ou saisissez la valeur ici`,
      key,
    );
  }
  for (const column of TEMPLATE_COLUMNS) {
    const invisible = controlCharacterIn(cell(column.key));
    if (invisible)
      say(`la colonne « ${column.header} » contient ${invisible} : supprimez-le dans le fichier ou corrigez la ligne ici`, column.key);
  }

  const date = (key: TemplateColumnKey, text = cell(key)) =>
    parseDate(text, TEMPLATE_HEADERS[key], { typed: context.typedColumns?.has(key) ?? false });

  // In column order, so that the messages follow the line from left to right.
  const values = {
    lastName: required("lastName", (text) => parseName(text, TEMPLATE_HEADERS.lastName)),
    firstName: required("firstName", (text) => parseName(text, TEMPLATE_HEADERS.firstName)),
    birthDate: take("birthDate", date("birthDate")),
    population: required("population", (text) => POPULATION.parse(text, TEMPLATE_HEADERS.population)),
    professionCode: required("professionCode", (text): Parsed<string> => {
      const code = context.professionCodeOf(text);
      return code !== null
        ? { ok: true, value: code }
        : {
            ok: false,
            errors: [
              `le code profession « ${text} » n'existe pas dans la liste des professions (indiquez le code de la liste, ou le nom de la profession tel qu'elle l'écrit)`,
            ],
          };
    }),
    category: take("category", CATEGORY.parse(cell("category"), TEMPLATE_HEADERS.category)),
    rpps: take("rpps", parseRpps(cell("rpps"))),
    rppsStatus: take("rppsStatus", RPPS_STATUS.parse(cell("rppsStatus"), TEMPLATE_HEADERS.rppsStatus)),
    rppsCheckedAt: take("rppsCheckedAt", date("rppsCheckedAt")),
    identityVerification: take("identityVerification", IDENTITY.parse(cell("identityVerification"), TEMPLATE_HEADERS.identityVerification)),
    activityStart: required("activityStart", (text) => date("activityStart", text)),
    activityEnd: take("activityEnd", date("activityEnd")),
    needsDmp: take("needsDmp", parseBoolean(cell("needsDmp"), TEMPLATE_HEADERS.needsDmp)),
    needsDpi: take("needsDpi", parseBoolean(cell("needsDpi"), TEMPLATE_HEADERS.needsDpi)),
    needsPscServices: take("needsPscServices", parseBoolean(cell("needsPscServices"), TEMPLATE_HEADERS.needsPscServices)),
    needsSecureMessaging: take("needsSecureMessaging", parseBoolean(cell("needsSecureMessaging"), TEMPLATE_HEADERS.needsSecureMessaging)),
    enrollments: take("enrollments", parseMieList(cell("enrollments"))),
  };
  const { lastName, firstName, birthDate, rpps } = values;
  // A blank status means registered when a number is given (numbers are only issued on registration).
  const rppsStatus =
    values.rppsStatus === undefined || rpps === undefined
      ? undefined
      : (values.rppsStatus ?? (rpps === null ? "NOT_REGISTERED" : "REGISTERED"));
  // A failed formula's date is not « missing »: its own message says what to do.
  crossChecks(
    { ...values, birthDate: failedFormulas.has("birthDate") ? undefined : birthDate, rppsStatus },
    say,
    context.today ?? toDay(parisToday()),
  );
  const reading = {
    messages,
    columnMessages,
    rpps: rpps ?? null,
    personKey: lastName && firstName && birthDate ? personKey(lastName, firstName, birthDate) : null,
  };
  if (messages.length > 0 || !complete(values) || rppsStatus === undefined) return { ...reading, row: null };
  const record = {
    ...values,
    rppsStatus,
    category: values.category ?? "CIVIL",
    identityVerification: values.identityVerification ?? "NONE",
  };
  // Without an RPPS number the birth date is there (checked above), so the key exists.
  return { ...reading, row: { source: "TEMPLATE", line, matchKey: rosterMatchKey(record) ?? "", ...record } };
}
