/**
 * What an import will do to a roster, decided without the database: which lines create a
 * professional, which update one (and only when something differs, so a re-import of an unchanged
 * export changes nothing), which are already up to date, and which cannot be applied.
 *
 * Matching (issue 5): on the RPPS number when the line has one, otherwise on last name + first
 * name + birth date (`personKey`, without case or accents). A line with an RPPS number also
 * matches a stored person with the same name and birth date who has no RPPS number yet (they just
 * got one); two different RPPS numbers are always two people. A directory line, which has no
 * birth date, matches on its name alone the one stored person of that name without an RPPS number
 * (staff newly registered, picked up from the extract), and is refused when several could be meant.
 *
 * An RPPS number is an identity: a line whose number is stored for someone else (neither name in
 * common, or a different birth date and a name in common at most) is refused rather than turning
 * that person's record into another's. One name changed (marriage) or a corrected birth date is
 * still the same person.
 *
 * Product choices:
 * - A template line is the whole record, except that a blank RPPS number never erases a stored
 *   one (a spreadsheet that lost a column must not unregister anyone).
 * - A directory line only brings what the directory knows (names, RPPS, profession when it gives
 *   one, category, population when its mode of exercise gives one, the date of the extract as RPPS
 *   check); the rest stays as the roster has it. A newcomer from the directory starts their
 *   activity on the extract's date, and is refused when the directory gives no population
 *   (volunteer, unknown mode) or no profession (an RPPS+ professional in an extract without
 *   roles): the director adds them by hand or with the template.
 *
 * Public API: `StoredProfessional`, `ImportPlan`, `planRosterImport`.
 */
import { dayToDate, formatDayFr, parisToday, toDay } from "./dates";
import { RPPS_PLUS_ROLE_ADVICE } from "./import/annuaire-sante";
import { givingWay } from "./give-way";
import { nameKey, personKey } from "./import/match-key";
import { normalizePersonName } from "./template/normalize";
import type { DirectoryImportRow, ImportedRow, RejectedLine } from "./import/types";
import { type EnrollmentRecord, type ProfessionalRecord, TEMPLATE_COLUMNS, type TemplateColumnKey } from "./template/columns";

export type StoredProfessional = ProfessionalRecord & { id: string; version: number };

export type PlannedCreate = { line: number; record: ProfessionalRecord };
export type PlannedUpdate = {
  line: number;
  id: string;
  version: number;
  record: ProfessionalRecord;
  /** What the line changes, in the template's column order: the preview says it before anything is written. */
  changed: TemplateColumnKey[];
  /** The name the roster had, when the line changes it: the preview shows who is renamed. */
  formerName: string | null;
};

export type ImportPlan = {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  unchanged: number;
  /** Lines the file reader accepted but the roster cannot take as they are. */
  rejected: RejectedLine[];
};

const time = (date: Date | null) => (date === null ? null : date.getTime());

type MatchedRow = { rpps: string | null; lastName: string; firstName: string; birthDate: Date | null };

/** A stored professional the line designates; `ambiguous` when several without RPPS bear its name. */
type Match = { found: StoredProfessional } | { ambiguous: number } | null;

const addTo = <K>(map: Map<K, StoredProfessional[]>, key: K, professional: StoredProfessional) => {
  const list = map.get(key);
  if (list) list.push(professional);
  else map.set(key, [professional]);
};

class StoredIndex {
  private readonly byRpps = new Map<string, StoredProfessional>();
  private readonly byPerson = new Map<string, StoredProfessional[]>();
  private readonly withoutRppsByName = new Map<string, StoredProfessional[]>();

  /** The index of a stored roster, built giving way (`givingWay`): 90,000 names to normalise. */
  static async of(stored: readonly StoredProfessional[]): Promise<StoredIndex> {
    const index = new StoredIndex();
    const giveWay = givingWay();
    for (const professional of stored) {
      await giveWay();
      index.add(professional);
    }
    return index;
  }

  private add(professional: StoredProfessional): void {
    if (professional.rpps !== null) this.byRpps.set(professional.rpps, professional);
    else addTo(this.withoutRppsByName, nameKey(professional.lastName, professional.firstName), professional);
    if (professional.birthDate !== null) {
      addTo(this.byPerson, personKey(professional.lastName, professional.firstName, professional.birthDate), professional);
    }
  }

  match(row: MatchedRow, source: ImportedRow["source"]): Match {
    if (row.rpps !== null) {
      const byRpps = this.byRpps.get(row.rpps);
      if (byRpps) return { found: byRpps };
    }
    if (row.birthDate === null) {
      if (source !== "ANNUAIRE_SANTE" || row.rpps === null) return null;
      const named = this.withoutRppsByName.get(nameKey(row.lastName, row.firstName)) ?? [];
      if (named.length > 1) return { ambiguous: named.length };
      return named[0] ? { found: named[0] } : null;
    }
    const candidates = this.byPerson.get(personKey(row.lastName, row.firstName, row.birthDate)) ?? [];
    const found = row.rpps === null ? candidates[0] : candidates.find((candidate) => candidate.rpps === null);
    return found ? { found } : null;
  }
}

/**
 * Whether a line matched on its RPPS number describes the stored person: of the last name, the
 * first name and (when both give it) the birth date, most must agree.
 */
function sameIdentity(row: MatchedRow, stored: StoredProfessional): boolean {
  const agreements = [
    normalizePersonName(row.lastName) === normalizePersonName(stored.lastName),
    normalizePersonName(row.firstName) === normalizePersonName(stored.firstName),
    ...(row.birthDate !== null && stored.birthDate !== null ? [time(row.birthDate) === time(stored.birthDate)] : []),
  ];
  return agreements.filter(Boolean).length * 2 > agreements.length;
}

const bornOn = (professional: StoredProfessional) =>
  professional.birthDate === null ? "" : ` (né(e) le ${formatDayFr(toDay(professional.birthDate))})`;

function identityClash(row: ImportedRow, stored: StoredProfessional): string {
  const registered = `${stored.lastName} ${stored.firstName}${bornOn(stored)}`;
  return row.source === "ANNUAIRE_SANTE"
    ? `Ligne ${row.line} : l'Annuaire Santé donne le numéro RPPS ${row.rpps} à ${row.lastName} ${row.firstName}, que le registre attribue à ${registered} : corrigez le numéro RPPS de cette fiche dans le registre, puis importez de nouveau l'extrait.`
    : `Ligne ${row.line} : le numéro RPPS ${row.rpps} est, dans le registre, celui de ${registered}, pas de ${row.lastName} ${row.firstName} : vérifiez le numéro dans l'Annuaire Santé. S'il s'agit bien de la même personne, corrigez d'abord son nom dans le registre.`;
}

function enrollmentKey(enrollments: readonly EnrollmentRecord[]): string {
  return enrollments
    .map((enrollment) => `${enrollment.type}:${time(enrollment.enrolledAt)}:${time(enrollment.expiresAt)}:${time(enrollment.revokedAt)}`)
    .sort()
    .join(";");
}

const SCALARS = [
  "lastName",
  "firstName",
  "population",
  "professionCode",
  "category",
  "rpps",
  "rppsStatus",
  "identityVerification",
  "needsDmp",
  "needsDpi",
  "needsPscServices",
  "needsSecureMessaging",
] as const satisfies readonly (keyof ProfessionalRecord)[];
const DATES = ["birthDate", "rppsCheckedAt", "activityStart", "activityEnd"] as const satisfies readonly (keyof ProfessionalRecord)[];

/** The columns whose values differ between two records, in the template's order. */
function changedColumns(a: ProfessionalRecord, b: ProfessionalRecord, enrollmentsChanged: boolean): TemplateColumnKey[] {
  const differ = new Set<TemplateColumnKey>([
    ...SCALARS.filter((key) => a[key] !== b[key]),
    ...DATES.filter((key) => time(a[key]) !== time(b[key])),
    ...(enrollmentsChanged ? (["enrollments"] as const) : []),
  ]);
  return TEMPLATE_COLUMNS.map((column) => column.key).filter((key) => differ.has(key));
}

/** What a directory line makes of the record, or why a newcomer cannot be added from it. */
function fromDirectory(
  row: DirectoryImportRow,
  stored: ProfessionalRecord | undefined,
  newcomerStart: Date,
): ProfessionalRecord | { refused: string } {
  const professionCode = row.professionCode ?? stored?.professionCode;
  if (professionCode === undefined) {
    return {
      refused: `Ligne ${row.line} : ${row.lastName} ${row.firstName}, professionnel RPPS+ (profession 99) dont l'extraction ne donne pas le rôle, n'est pas encore dans le registre : ${RPPS_PLUS_ROLE_ADVICE}`,
    };
  }
  const population = row.population ?? stored?.population;
  if (population === undefined) {
    return {
      refused: `Ligne ${row.line} : ${row.lastName} ${row.firstName} n'est pas encore dans le registre et l'extrait ne dit pas s'il est salarié, libéral, interne, intérimaire ou stagiaire : ajoutez ce professionnel depuis le registre.`,
    };
  }
  const checks = [stored?.rppsCheckedAt ?? null, row.rppsCheckedAt].filter((date): date is Date => date !== null);
  const base: ProfessionalRecord = stored ?? {
    lastName: row.lastName,
    firstName: row.firstName,
    birthDate: null,
    population,
    professionCode,
    category: row.category,
    rpps: row.rpps,
    rppsStatus: "REGISTERED",
    rppsCheckedAt: null,
    identityVerification: "NONE",
    activityStart: row.rppsCheckedAt ?? newcomerStart,
    activityEnd: null,
    needsDmp: false,
    needsDpi: false,
    needsPscServices: false,
    needsSecureMessaging: false,
    enrollments: [],
  };
  return {
    ...base,
    lastName: row.lastName,
    firstName: row.firstName,
    population,
    professionCode,
    category: row.category,
    rpps: row.rpps,
    rppsStatus: "REGISTERED",
    // A later check is never replaced by an older extract.
    rppsCheckedAt: checks.length === 0 ? null : new Date(Math.max(...checks.map((date) => date.getTime()))),
  };
}

function recordOf(row: ImportedRow, stored: StoredProfessional | undefined, today: Date): ProfessionalRecord | { refused: string } {
  if (row.source === "ANNUAIRE_SANTE") return fromDirectory(row, stored && storedRecord(stored), today);
  const { source: _source, line: _line, matchKey: _matchKey, ...record } = row;
  if (record.rpps === null && stored?.rpps) return { ...record, rpps: stored.rpps, rppsStatus: stored.rppsStatus };
  return record;
}

function storedRecord(stored: StoredProfessional): ProfessionalRecord {
  const { id: _id, version: _version, ...record } = stored;
  return record;
}

/** The plan of an import; a large one gives way to other requests as it goes (`givingWay`). */
export async function planRosterImport(
  rows: readonly ImportedRow[],
  stored: readonly StoredProfessional[],
  today = parisToday(),
): Promise<ImportPlan> {
  const index = await StoredIndex.of(stored);
  const todayDate = dayToDate(toDay(today));
  const plan: ImportPlan = { creates: [], updates: [], unchanged: 0, rejected: [] };
  const lineOfStored = new Map<string, number>();
  const giveWay = givingWay();
  for (const row of rows) {
    await giveWay();
    const matched: MatchedRow = {
      rpps: row.rpps,
      lastName: row.lastName,
      firstName: row.firstName,
      birthDate: row.source === "TEMPLATE" ? row.birthDate : null,
    };
    const found = index.match(matched, row.source);
    if (found !== null && "ambiguous" in found) {
      plan.rejected.push({
        line: row.line,
        messages: [
          `Ligne ${row.line} : ${found.ambiguous} professionnels nommés ${row.lastName} ${row.firstName} n'ont pas de numéro RPPS dans le registre : saisissez le numéro RPPS ${row.rpps} sur la bonne fiche, puis importez de nouveau l'extrait.`,
        ],
      });
      continue;
    }
    const match = found?.found;
    if (match && match.rpps !== null && !sameIdentity(matched, match)) {
      plan.rejected.push({ line: row.line, messages: [identityClash(row, match)] });
      continue;
    }
    if (match) {
      const earlier = lineOfStored.get(match.id);
      if (earlier !== undefined) {
        plan.rejected.push({
          line: row.line,
          messages: [`Ligne ${row.line} : désigne le même professionnel que la ligne ${earlier} (${match.lastName} ${match.firstName}).`],
        });
        continue;
      }
      lineOfStored.set(match.id, row.line);
    }
    const record = recordOf(row, match, todayDate);
    if ("refused" in record) {
      plan.rejected.push({ line: row.line, messages: [record.refused] });
      continue;
    }
    if (!match) {
      plan.creates.push({ line: row.line, record });
      continue;
    }
    const enrollmentsChanged = enrollmentKey(record.enrollments) !== enrollmentKey(match.enrollments);
    const changed = changedColumns(record, storedRecord(match), enrollmentsChanged);
    if (changed.length === 0) plan.unchanged++;
    else {
      const renamed = changed.includes("lastName") || changed.includes("firstName");
      const formerName = renamed ? `${match.lastName} ${match.firstName}` : null;
      plan.updates.push({ line: row.line, id: match.id, version: match.version, record, changed, formerName });
    }
  }
  return plan;
}
