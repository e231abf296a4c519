import type { FormSection } from "@/lib/db/generated/enums";
import { fieldAnchor, sectionAnchor } from "./anchors";
import { listMissingAssessments, type CompletenessObjective } from "./completeness-objectives";
import type { DossierContent } from "./dossier-content";
import { POPULATION_LABELS } from "./labels";
import type { MissingItem } from "./missing-item";

/**
 * What a dossier still lacks before it can be submitted: `listMissingForSubmission(input)`
 * returns one item per problem, in form order (sections, then rows), each with a French message
 * and the anchor of the place to fix it (see anchors.ts). An empty list means the dossier can be
 * submitted. Drafts are saved whatever their state; these rules apply at submission only.
 *
 * Rules, and why:
 * - Projet: a title and a summary (reviewers and the receipt need them).
 * - Partenaires: at least one technology partner (every funded project deploys a vendor's IAM,
 *   SSO or MIE), and each listed partner named.
 * - Stratégie MIE: at least one population; for each line, at least one MIE and a headcount (the
 *   alpha wave's lesson: inventory every population, with its numbers).
 * - IAM / SSO and fédération PSC: not empty. The objectives behind them are optional, so "no
 *   project, because…" is a valid answer; silence is not, reviewers cannot tell it from an omission.
 * - Calendrier: at least one milestone, each labelled (its date is required at save already).
 * - Budget: a total above zero (which also catches a budget with no line), each line labelled.
 *   A zero line is allowed (e.g. internal staff shown at no cost).
 * - Auto-évaluation: see completeness-objectives.ts.
 */
export type CompletenessInput = {
  content: DossierContent;
  /** The objectives of the dossier's wave version. */
  objectives: readonly CompletenessObjective[];
  /** Evidence files attached to each objective's assessment, by objective id (absent: none). */
  evidenceCounts: Readonly<Record<string, number>>;
};

export type { CompletenessObjective } from "./completeness-objectives";
export type { MissingItem } from "./missing-item";

function item(section: FormSection, message: string, field?: string): MissingItem {
  return field === undefined
    ? { section, message, anchor: sectionAnchor(section) }
    : { section, field, message, anchor: fieldAnchor(field) };
}

function isBlank(text: string): boolean {
  return text.trim() === "";
}

export function listMissingForSubmission({ content, objectives, evidenceCounts }: CompletenessInput): MissingItem[] {
  const missing: MissingItem[] = [];
  const add = (section: FormSection, message: string, field?: string) => missing.push(item(section, message, field));

  if (isBlank(content.projectTitle)) add("PROJECT", "Le titre du projet est vide.", "projectTitle");
  if (isBlank(content.projectSummary)) add("PROJECT", "Le résumé du projet est vide.", "projectSummary");

  if (content.partners.length === 0) add("PARTNERS", "Au moins un partenaire technologique doit être indiqué.");
  content.partners.forEach((partner, index) => {
    if (isBlank(partner.name)) add("PARTNERS", `Le nom du partenaire n° ${index + 1} est vide.`, `partners.${index}.name`);
  });

  if (content.mieStrategy.length === 0) {
    add("MIE_STRATEGY", "La stratégie MIE doit couvrir au moins une population de professionnels.");
  }
  content.mieStrategy.forEach((line, index) => {
    const population = POPULATION_LABELS[line.population];
    if (line.mieTypes.length === 0) {
      add("MIE_STRATEGY", `Aucun MIE n'est prévu pour la population « ${population} ».`, `mieStrategy.${index}.mieTypes`);
    }
    if (line.headcount === null) {
      add("MIE_STRATEGY", `L'effectif de la population « ${population} » n'est pas indiqué.`, `mieStrategy.${index}.headcount`);
    }
  });

  const emptyPlan = "est vide : décrivez le projet, ou indiquez qu'aucun n'est prévu et pourquoi.";
  if (isBlank(content.iamPlan)) add("IAM_SSO", `Le volet IAM / SSO ${emptyPlan}`, "iamPlan");
  if (isBlank(content.pscFederationPlan)) {
    add("PSC_FEDERATION", `Le volet fédération avec Pro Santé Connect ${emptyPlan}`, "pscFederationPlan");
  }

  if (content.milestones.length === 0) add("TIMELINE", "Au moins un jalon doit être indiqué dans le calendrier.");
  content.milestones.forEach((milestone, index) => {
    if (isBlank(milestone.label)) add("TIMELINE", `Le libellé du jalon n° ${index + 1} est vide.`, `milestones.${index}.label`);
  });

  const total = content.budgetLines.reduce((sum, line) => sum + line.amountCents, 0n);
  if (total === 0n) add("BUDGET", "Le budget demandé est nul.");
  content.budgetLines.forEach((line, index) => {
    if (isBlank(line.label)) {
      add("BUDGET", `Le libellé de la ligne de budget n° ${index + 1} est vide.`, `budgetLines.${index}.label`);
    }
  });

  missing.push(...listMissingAssessments(content.assessments, objectives, evidenceCounts));
  return missing;
}
