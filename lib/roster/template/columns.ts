/**
 * The roster file template: one list of columns, read by the import and written by the export, so
 * that an exported file imports back unchanged.
 *
 * Values, as the export writes them and the import reads them (the import is more lenient, see
 * `values.ts`):
 * - dates « JJ/MM/AAAA » (AAAA-MM-JJ accepted);
 * - enumerations by their French label (« Salarié », « Enregistré », « FranceConnect+ »…), codes
 *   accepted;
 * - needs « Oui » / « Non » (empty = Non);
 * - MIE: one item per MIE, separated by `;`, each `TYPE:enrôlement[:expiration[:révocation]]`
 *   with the catalogue's codes, e.g. « E_CPS:2025-03-01;CPS:2023-01-15:2026-01-15 ».
 *
 * The export adds computed columns after the template's (`COMPUTED_COLUMNS`), which the import
 * skips.
 *
 * Public API: `ProfessionalRecord`, `EnrollmentRecord`, `TEMPLATE_COLUMNS`, `TemplateColumn`,
 * `TemplateColumnKey`, `TEMPLATE_HEADERS`, `COMPUTED_COLUMNS`, `ComputedColumnKey`.
 */
import type { IdentityVerification, MieType, Population, ProfessionalCategory, RppsStatus } from "@/lib/db/generated/enums";

export type EnrollmentRecord = {
  type: MieType;
  enrolledAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

/** A professional as the template carries it: the Professional columns, dates at UTC midnight. */
export type ProfessionalRecord = {
  lastName: string;
  firstName: string;
  birthDate: Date | null;
  population: Population;
  professionCode: string;
  category: ProfessionalCategory;
  rpps: string | null;
  rppsStatus: RppsStatus;
  rppsCheckedAt: Date | null;
  identityVerification: IdentityVerification;
  activityStart: Date;
  activityEnd: Date | null;
  needsDmp: boolean;
  needsDpi: boolean;
  needsPscServices: boolean;
  needsSecureMessaging: boolean;
  enrollments: EnrollmentRecord[];
};

export type TemplateColumn = {
  key: keyof ProfessionalRecord;
  header: string;
  /** Other spellings people use for this header (compared with `comparable`). */
  aliases?: readonly string[];
};

export const TEMPLATE_COLUMNS = [
  { key: "lastName", header: "Nom", aliases: ["Nom d'usage", "Nom de famille"] },
  { key: "firstName", header: "Prénom" },
  { key: "birthDate", header: "Date de naissance", aliases: ["Date de naissance (JJ/MM/AAAA)"] },
  { key: "population", header: "Population" },
  { key: "professionCode", header: "Code profession" },
  { key: "category", header: "Catégorie", aliases: ["Catégorie professionnelle"] },
  { key: "rpps", header: "RPPS", aliases: ["Numéro RPPS", "N° RPPS"] },
  { key: "rppsStatus", header: "Statut RPPS" },
  { key: "rppsCheckedAt", header: "Dernière vérification RPPS" },
  { key: "identityVerification", header: "Vérification d'identité" },
  { key: "activityStart", header: "Début d'activité", aliases: ["Date de début d'activité"] },
  { key: "activityEnd", header: "Fin d'activité", aliases: ["Date de fin d'activité"] },
  { key: "needsDmp", header: "Besoin DMP" },
  { key: "needsDpi", header: "Besoin DPI/DUI", aliases: ["Besoin DPI", "Besoin DUI"] },
  { key: "needsPscServices", header: "Besoin services PSC" },
  { key: "needsSecureMessaging", header: "Besoin messagerie sécurisée" },
  { key: "enrollments", header: "MIE" },
] as const satisfies readonly TemplateColumn[];

export type TemplateColumnKey = (typeof TEMPLATE_COLUMNS)[number]["key"];

/** Each column's header by its key, for messages and previews that name a column. */
export const TEMPLATE_HEADERS = Object.fromEntries(TEMPLATE_COLUMNS.map((column) => [column.key, column.header])) as Readonly<
  Record<TemplateColumnKey, string>
>;

/**
 * The import reads a file only when it has every column of the template, even those whose values may
 * be empty: said by the guide, above its « Valeur obligatoire » column, and by the refusal of a file
 * that lacks one, in the same words.
 */
export const EVERY_COLUMN_PRESENT = "Toutes les colonnes du modèle doivent figurer dans le fichier, même vides";

/**
 * The columns the export writes after the template's: each professional's verdicts at the export's
 * day, worded as the roster page words them (`export.ts`), to read, not to fill in. Their headers
 * start with « Calculé : », which no template header does; the import knows them and skips them
 * without a warning, so an export imports back as it is. The blank template does not have them.
 */
export const COMPUTED_COLUMNS = [
  { key: "day", header: "Calculé : situation au" },
  { key: "activity", header: "Calculé : activité" },
  { key: "rieCompliant", header: "Calculé : MIE conforme au RIE" },
  { key: "dmpReady", header: "Calculé : accès au DMP" },
  { key: "identitySubstantial", header: "Calculé : identité substantielle" },
  { key: "registered", header: "Calculé : enregistré au RPPS" },
  { key: "rppsCheckUpToDate", header: "Calculé : lien RPPS vérifié depuis moins de deux ans" },
  { key: "missing", header: "Calculé : à faire" },
] as const satisfies ReadonlyArray<{ key: string; header: string }>;

export type ComputedColumnKey = (typeof COMPUTED_COLUMNS)[number]["key"];
