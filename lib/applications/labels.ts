import type { AssessmentStatus, BudgetCategory, FormSection, PartnerRole, Population } from "@/lib/db/generated/enums";
import { capitalize } from "@/lib/format/capitalize";

/**
 * French labels of the dossier's enums, shared by the form, the completeness messages and the
 * receipt, so one wording is used everywhere.
 */

export const SECTION_LABELS: Readonly<Record<FormSection, string>> = {
  PROJECT: "Projet",
  PARTNERS: "Partenaires technologiques",
  MIE_STRATEGY: "Stratégie MIE",
  IAM_SSO: "Gestion des identités et authentification unique (IAM / SSO)",
  PSC_FEDERATION: "Fédération avec Pro Santé Connect",
  TIMELINE: "Calendrier",
  BUDGET: "Budget",
  SELF_ASSESSMENT: "Auto-évaluation des objectifs",
};

/** Lower case: they are quoted inside sentences (« atteint »); capitalise for a column title. */
export const ASSESSMENT_STATUS_LABELS: Readonly<Record<AssessmentStatus, string>> = {
  ACHIEVED: "atteint",
  IN_PROGRESS: "en cours",
  PLANNED: "prévu",
  NOT_PLANNED: "non prévu",
};

/** The same, capitalised: a choice in the form, a cell of a table. */
export const ASSESSMENT_STATUS_TITLES: Readonly<Record<AssessmentStatus, string>> = Object.fromEntries(
  Object.entries(ASSESSMENT_STATUS_LABELS).map(([status, label]) => [status, capitalize(label)]),
) as Record<AssessmentStatus, string>;

export const POPULATION_LABELS: Readonly<Record<Population, string>> = {
  SALARIED: "Salariés",
  SELF_EMPLOYED: "Libéraux et indépendants",
  INTERN: "Internes",
  TEMPORARY: "Intérimaires",
  TRAINEE: "Stagiaires",
};

export const PARTNER_ROLE_LABELS: Readonly<Record<PartnerRole, string>> = {
  IAM_SSO: "Éditeur IAM / SSO",
  MIE_PROVIDER: "Fournisseur de MIE",
  IDENTITY_PROVIDER: "Fournisseur d'identité",
  DPI_DUI_VENDOR: "Éditeur du DPI / DUI",
  INTEGRATOR: "Intégrateur",
  OTHER: "Autre",
};

export const BUDGET_CATEGORY_LABELS: Readonly<Record<BudgetCategory, string>> = {
  EQUIPMENT: "Équipement (clés, lecteurs, smartphones)",
  SOFTWARE: "Licences logicielles",
  SERVICES: "Prestations d'intégration",
  STAFF: "Ressources internes",
  TRAINING: "Formation et conduite du changement",
  OTHER: "Autre",
};

/** A dossier as its pages name it: its project's title, until the applicant has written one. */
export function dossierTitle(projectTitle: string | null | undefined): string {
  return projectTitle || "Dossier de candidature";
}
