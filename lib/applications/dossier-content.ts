import type { FormSection } from "@/lib/db/generated/enums";
import type { TSectionInput } from "./sections";

/**
 * A dossier's content: every section, parsed, in one flat object whose keys are the Application
 * model's (`projectTitle`, `partners`, `mieStrategy`, `budgetLines`, `assessments`…). What
 * completeness checks, what the content hash covers, what the receipt summarises.
 */
export type DossierContent = TSectionInput<"PROJECT"> &
  TSectionInput<"PARTNERS"> &
  TSectionInput<"MIE_STRATEGY"> &
  TSectionInput<"IAM_SSO"> &
  TSectionInput<"PSC_FEDERATION"> &
  TSectionInput<"TIMELINE"> &
  TSectionInput<"BUDGET"> &
  TSectionInput<"SELF_ASSESSMENT">;

/** The order of the sections in the form, its menu and every list of problems. */
export const FORM_SECTION_ORDER: readonly FormSection[] = [
  "PROJECT",
  "PARTNERS",
  "MIE_STRATEGY",
  "IAM_SSO",
  "PSC_FEDERATION",
  "TIMELINE",
  "BUDGET",
  "SELF_ASSESSMENT",
];

/** The content of a dossier just created: every section empty (a new object each time). */
export function emptyDossierContent(): DossierContent {
  return {
    projectTitle: "",
    projectSummary: "",
    partners: [],
    mieStrategy: [],
    iamPlan: "",
    pscFederationPlan: "",
    milestones: [],
    budgetLines: [],
    assessments: {},
  };
}
