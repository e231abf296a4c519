import { ASSESSMENT_STATUS_TITLES, BUDGET_CATEGORY_LABELS, PARTNER_ROLE_LABELS, POPULATION_LABELS } from "@/lib/applications/labels";
import type { MieType } from "@/lib/db/generated/enums";
import { MIE_CATALOGUE } from "@/lib/mie/catalogue";
import { formatNumericCalendarDate } from "@/lib/time/paris";

/**
 * The French names of a dossier's fields, as its form labels them and as a conflict between two
 * saved versions names them (« Partenaire 2 – Rôle dans le projet »), so both say the same thing.
 * A list's `row` is the legend of each of its rows, numbered from 1.
 */
export const FIELD_LABELS = {
  projectTitle: "Titre du projet",
  projectSummary: "Résumé du projet",
  iamPlan: "Plan de gestion des identités et d'authentification unique",
  pscFederationPlan: "Fédération d'identités avec Pro Santé Connect",
  partners: { row: "Partenaire", name: "Nom", role: "Rôle dans le projet", solution: "Solution proposée", siret: "SIRET" },
  mieStrategy: {
    row: "Population",
    population: "Population",
    mieTypes: "Moyens d'identification prévus",
    headcount: "Nombre de professionnels concernés",
    notes: "Remarques",
  },
  milestones: { row: "Jalon", label: "Libellé", dueDate: "Échéance" },
  budgetLines: { row: "Ligne", category: "Catégorie de dépense", label: "Libellé", amount: "Montant demandé (€)" },
  assessments: { status: "Où en est l'établissement ?", targetDate: "Date cible", explanation: "Explication" },
} as const;

const LISTS: ReadonlySet<string> = new Set(["partners", "mieStrategy", "milestones", "budgetLines"]);

/** The codes a field stores, in the words its form offers them. */
const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  role: PARTNER_ROLE_LABELS,
  population: POPULATION_LABELS,
  category: BUDGET_CATEGORY_LABELS,
  status: ASSESSMENT_STATUS_TITLES,
};

const DATE_FIELDS = new Set(["dueDate", "targetDate"]);

export type ObjectiveName = { id: string; code: string; title: string };

/** A field's value as a person reads it; an empty value is "". */
function readValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) {
    return key === "mieTypes"
      ? value.map((type: string) => (Object.hasOwn(MIE_CATALOGUE, type) ? MIE_CATALOGUE[type as MieType].label : type)).join(" ; ")
      : value.join(" ; ");
  }
  const text = String(value);
  if (text === "") return "";
  if (DATE_FIELDS.has(key) && /^\d{4}-\d{2}-\d{2}$/.test(text)) return formatNumericCalendarDate(text);
  const labels = VALUE_LABELS[key];
  return (labels && Object.hasOwn(labels, text) ? labels[text] : undefined) ?? text;
}

/**
 * A section's field, named by its form path (`partners.1.role`, `assessments.<objective id>.status`),
 * and its value, in words: for the table where a member chooses between two versions.
 */
export function readSectionField(path: string, value: unknown, objectives: readonly ObjectiveName[]): { field: string; value: string } {
  const keys = path.split(".");
  const key = keys.at(-1) ?? path;
  const read = (field: string) => ({ field, value: readValue(key, value) });
  const [head = "", second = ""] = keys;
  const labels: unknown = Object.hasOwn(FIELD_LABELS, head) ? FIELD_LABELS[head as keyof typeof FIELD_LABELS] : undefined;
  if (keys.length === 1 && typeof labels === "string") return read(labels);
  if (keys.length === 3 && LISTS.has(head) && /^\d+$/.test(second)) {
    const row = labels as Readonly<Record<string, string>>;
    const label = Object.hasOwn(row, key) ? row[key] : undefined;
    if (label) return read(`${row.row} ${Number(second) + 1} – ${label}`);
  }
  if (keys.length === 3 && head === "assessments" && Object.hasOwn(FIELD_LABELS.assessments, key)) {
    const objective = objectives.find((candidate) => candidate.id === second);
    const label = FIELD_LABELS.assessments[key as keyof typeof FIELD_LABELS.assessments];
    if (objective) return read(`${objective.code}. ${objective.title} – ${label}`);
  }
  return read(path);
}
