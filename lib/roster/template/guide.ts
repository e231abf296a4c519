/**
 * How to fill in the roster template, column by column, in words a director without IT staff
 * follows: written from the same labels and catalogue the import reads, so that the help and the
 * reader never disagree.
 *
 * Public API: `TEMPLATE_GUIDE`, `GuideRow`, `columnHint`.
 */
import { MIE_CATALOGUE, MIE_TYPES } from "@/lib/mie/catalogue";
import { CATEGORY_LABELS, IDENTITY_LABELS, POPULATION_LABELS, RPPS_STATUS_LABELS } from "../labels";
import { TEMPLATE_COLUMNS, type TemplateColumnKey } from "./columns";

export type GuideRow = { column: string; expected: string; required: string };

const oneOf = (labels: Readonly<Record<string, string>>) =>
  `L'une de ces valeurs : ${Object.values(labels)
    .map((label) => `« ${label} »`)
    .join(", ")}.`;
const DATE = "Une date JJ/MM/AAAA (ou une date d'Excel).";
/** A date typed in a field: a day count is a date only in a spreadsheet's cell. */
const TYPED_DATE = "Une date JJ/MM/AAAA.";
const NEED = "« Oui » ou « Non ».";

const GUIDE: Readonly<Record<TemplateColumnKey, Omit<GuideRow, "column">>> = {
  lastName: { expected: "Le nom d'exercice.", required: "Oui" },
  firstName: { expected: "Le prénom d'exercice.", required: "Oui" },
  birthDate: { expected: DATE, required: "Sans numéro RPPS : elle permet de reconnaître la personne à l'import suivant" },
  population: { expected: oneOf(POPULATION_LABELS), required: "Oui" },
  professionCode: {
    expected:
      "Le code de la profession, dans la liste ci-dessous (par exemple 60 pour Infirmier), ou son nom tel que la liste l’écrit, au masculin ou au féminin (« Infirmière »).",
    required: "Oui",
  },
  category: { expected: oneOf(CATEGORY_LABELS), required: `Non : vide, « ${CATEGORY_LABELS.CIVIL} »` },
  rpps: {
    expected: "Le numéro RPPS, 11 chiffres (colonne au format Texte dans Excel). Pas de numéro ADELI : laissez vide.",
    required: "Non",
  },
  rppsStatus: {
    expected: oneOf(RPPS_STATUS_LABELS),
    required: `Non : vide, « ${RPPS_STATUS_LABELS.REGISTERED} » avec un numéro, « ${RPPS_STATUS_LABELS.NOT_REGISTERED} » sans`,
  },
  rppsCheckedAt: { expected: `${DATE} Le jour où l'inscription a été vérifiée dans l'Annuaire Santé.`, required: "Non" },
  identityVerification: { expected: oneOf(IDENTITY_LABELS), required: `Non : vide, « ${IDENTITY_LABELS.NONE} »` },
  activityStart: { expected: DATE, required: "Oui" },
  activityEnd: { expected: `${DATE} Vide tant que la personne exerce dans l'établissement.`, required: "Non" },
  needsDmp: { expected: NEED, required: "Non : vide, « Non »" },
  needsDpi: { expected: NEED, required: "Non : vide, « Non »" },
  needsPscServices: { expected: NEED, required: "Non : vide, « Non »" },
  needsSecureMessaging: { expected: NEED, required: "Non : vide, « Non »" },
  enrollments: {
    expected: `Chaque MIE sous la forme CODE:date d'enrôlement, suivie si besoin de :date d'expiration et :date de révocation ; plusieurs MIE séparés par « , » (par exemple « E_CPS:01/03/2025, CPS:15/01/2023:15/01/2026 »). Codes : ${MIE_TYPES.map(
      (type) => `${type} (${MIE_CATALOGUE[type].label})`,
    ).join(", ")}.`,
    required: "Non",
  },
};

export const TEMPLATE_GUIDE: readonly GuideRow[] = TEMPLATE_COLUMNS.map((column) => ({ column: column.header, ...GUIDE[column.key] }));

/**
 * The guide's help for one column, as a field's hint where a cell of the file is corrected: what to
 * write, then whether a value is required, in the guide's words. A column of choices shows its values
 * as options: only whether one is required.
 */
export function columnHint(key: TemplateColumnKey, { choices }: { choices: boolean }): string {
  const { expected, required } = GUIDE[key];
  return `${choices ? "" : `${expected.replace(DATE, TYPED_DATE)} `}Valeur obligatoire : ${required}.`;
}
