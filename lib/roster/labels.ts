/**
 * French labels of the roster's enumerations, as the interface and the file template show them.
 * (Identity-verification methods and MIE types have theirs in `@/lib/mie/catalogue`; `IDENTITY_LABELS`
 * reads them from there.)
 *
 * Public API: `POPULATION_LABELS`, `RPPS_STATUS_LABELS`, `CATEGORY_LABELS`, `IDENTITY_LABELS`,
 * `SNAPSHOT_REASON_LABELS`, `COMPLIANCE_FILTER_LABELS`, `professionalName`.
 */
import type { IdentityVerification, Population, ProfessionalCategory, RppsStatus, SnapshotReason } from "@/lib/db/generated/enums";
import { IDENTITY_VERIFICATION_CATALOGUE } from "@/lib/mie/catalogue";
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

/** How a professional is named on their page, its title and breadcrumb: « Eulalie AUBERT ». */
export function professionalName(professional: { firstName: string; lastName: string }): string {
  return `${professional.firstName} ${professional.lastName}`;
}
