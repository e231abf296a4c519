/**
 * French labels of the roster's enumerations, as the interface and the file template show them.
 * (Identity-verification methods and MIE types have theirs in `@/lib/mie/catalogue`; `IDENTITY_LABELS`
 * reads them from there.)
 *
 * Public API: `POPULATION_LABELS`, `RPPS_STATUS_LABELS`, `CATEGORY_LABELS`, `IDENTITY_LABELS`,
 * `SNAPSHOT_REASON_LABELS`, `COMPLIANCE_FILTER_LABELS`, `VERDICT_LABELS`, `verdictLabel`,
 * `ACTIVITY_LABELS`, `NOTHING_MISSING_LABEL`, `BULK_ACTION_LABELS`, `professionalName`.
 */
import type { IdentityVerification, Population, ProfessionalCategory, RppsStatus, SnapshotReason } from "@/lib/db/generated/enums";
import { IDENTITY_VERIFICATION_CATALOGUE } from "@/lib/mie/catalogue";
import type { TBulkAction } from "./bulk-actions";
import type { TRosterFilters } from "./list-professionals";

export const POPULATION_LABELS: Readonly<Record<Population, string>> = {
  SALARIED: "Salarié",
  SELF_EMPLOYED: "Libéral / indépendant",
  INTERN: "Interne",
  TEMPORARY: "Intérimaire",
  TRAINEE: "Stagiaire",
};

export const RPPS_STATUS_LABELS: Readonly<Record<RppsStatus, string>> = {
  NOT_REGISTERED: "Non enregistré",
  REQUESTED: "Demande déposée",
  REGISTERED: "Enregistré",
};

/** The directory's professional categories (C, E, M). */
export const CATEGORY_LABELS: Readonly<Record<ProfessionalCategory, string>> = {
  CIVIL: "Civil",
  STUDENT: "Étudiant",
  PUBLIC_AGENT: "Agent public",
};

export const IDENTITY_LABELS = Object.fromEntries(
  Object.entries(IDENTITY_VERIFICATION_CATALOGUE).map(([method, definition]) => [method, definition.label]),
) as Readonly<Record<IdentityVerification, string>>;

/** What occasioned a reading of the indicators (the rollout curve's table and its download). */
export const SNAPSHOT_REASON_LABELS: Readonly<Record<SnapshotReason, string>> = {
  DAILY: "Relevé quotidien",
  CHANGE: "Modification du registre",
  SUBMISSION: "Dépôt d'un dossier",
  DECLARATION: "Déclaration de résultats",
};

/**
 * The roster's compliance filter. Its MIE and DMP choices keep only the professionals the
 * requirement concerns, whereas the establishment's figures (« MIE conforme au RIE : 16 sur 50 »)
 * count everyone active: the labels say so, or the filter's count seems to contradict the figures.
 */
export const COMPLIANCE_FILTER_LABELS: Readonly<Record<Exclude<TRosterFilters["compliance"], "">, string>> = {
  "non-conformes-rie": "MIE non conforme au RIE (parmi ceux qui en ont besoin)",
  "sans-dmp": "Sans accès au DMP alors qu'il leur en faut un",
  "identite-a-verifier": "Identité à vérifier",
};

/**
 * A professional's verdicts at a day, as the roster's « Conformité » column shows them and the
 * roster's export writes them (`export.ts`): the one wording of each. `registered` and
 * `rppsCheckUpToDate` are the export's only (the table says them in « À faire »).
 */
export const VERDICT_LABELS = {
  rieCompliant: { yes: "MIE conforme", no: "MIE non conforme" },
  dmpReady: { yes: "Accès DMP", no: "Pas d'accès DMP" },
  identitySubstantial: { yes: "Identité substantielle", no: "Identité à vérifier" },
  registered: { yes: "Enregistré au RPPS", no: "Non enregistré au RPPS" },
  rppsCheckUpToDate: { yes: "Lien RPPS vérifié", no: "Lien RPPS à vérifier" },
} as const satisfies Record<string, { yes: string; no: string }>;

/** A verdict's words; null when the verdict does not concern the professional (nothing is shown). */
export function verdictLabel(value: boolean | null, labels: { yes: string; no: string }): string | null {
  if (value === null) return null;
  return value ? labels.yes : labels.no;
}

/** Whether the professional works in the establishment at the day: only then do the verdicts count. */
export const ACTIVITY_LABELS = { active: "En activité", inactive: "Hors activité" } as const;

/** The « À faire » column of an active professional who lacks nothing. */
export const NOTHING_MISSING_LABEL = "Rien";

/** The actions on the professionals selected in the roster table, as its panel offers them and the audit journal names them. */
export const BULK_ACTION_LABELS: Readonly<Record<TBulkAction["action"], string>> = {
  ADD_MIE: "Attribuer un MIE",
  MARK_REGISTERED: "Marquer enregistrés au RPPS",
  END_ACTIVITY: "Mettre fin à l'activité",
};

/** How a professional is named on their page, its title and breadcrumb: « Eulalie AUBERT ». */
export function professionalName(professional: { firstName: string; lastName: string }): string {
  return `${professional.firstName} ${professional.lastName}`;
}
