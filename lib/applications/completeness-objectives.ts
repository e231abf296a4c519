import type { AssessmentStatus } from "@/lib/db/generated/enums";
import { objectiveAnchor, type ObjectivePart } from "./anchors";
import type { MissingItem } from "./missing-item";
import { ASSESSMENT_STATUS_LABELS } from "./labels";
import type { TObjectiveAssessmentInput } from "./sections";

/**
 * Completeness rules of the self-assessment, objective by objective in the wave's order:
 * - a required objective (objectif a minima) must be assessed; an optional one may be left out
 *   (not pursued);
 * - « atteint » and « en cours » need an explanation (what was done, where it stands);
 * - « non prévu » on a required objective needs an explanation (why the minimum is not planned:
 *   reviewers decide, but must be told);
 * - « prévu » and « en cours » need a target date (when it will be reached);
 * - « atteint » needs at least one evidence file (the programme pays on results, checked by the
 *   ARS then the ANS).
 * Assessments of objectives outside the wave version are not looked at: a dossier keeps its
 * frozen version, and the save action refuses foreign ids.
 */
export type CompletenessObjective = { id: string; code: string; required: boolean; position: number };

const NEEDS_EXPLANATION: readonly AssessmentStatus[] = ["ACHIEVED", "IN_PROGRESS"];
const NEEDS_TARGET_DATE: readonly AssessmentStatus[] = ["PLANNED", "IN_PROGRESS"];
const NEEDS_EVIDENCE: readonly AssessmentStatus[] = ["ACHIEVED"];
/** A required objective « non prévu » needs its explanation too. */
const REQUIRED_NEEDS_EXPLANATION: readonly AssessmentStatus[] = [...NEEDS_EXPLANATION, "NOT_PLANNED"];

/** The parts of an objective's assessment that its state makes required. */
export type ObjectivePartRequired = "targetDate" | "explanation" | "evidence";

/**
 * When the deposit needs a part of an objective's assessment, as the field's hint says it before
 * the director fills it in (RGAA 11.10), from the rules above: « Obligatoire si l'objectif est
 * « prévu » ou « en cours ». »
 */
export function requiredWhen(part: ObjectivePartRequired, objectiveRequired: boolean): string {
  const statuses =
    part === "targetDate"
      ? NEEDS_TARGET_DATE
      : part === "evidence"
        ? NEEDS_EVIDENCE
        : objectiveRequired
          ? REQUIRED_NEEDS_EXPLANATION
          : NEEDS_EXPLANATION;
  const names = statuses.map((status) => `« ${ASSESSMENT_STATUS_LABELS[status]} »`);
  const when = `si l'objectif est ${names.length > 1 ? `${names.slice(0, -1).join(", ")} ou ${names.at(-1)}` : names[0]}.`;
  return part === "evidence" ? `Au moins une pièce est obligatoire ${when}` : `Obligatoire ${when}`;
}

export function listMissingAssessments(
  assessments: Readonly<Record<string, TObjectiveAssessmentInput>>,
  objectives: readonly CompletenessObjective[],
  evidenceCounts: Readonly<Record<string, number>>,
): MissingItem[] {
  const missing: MissingItem[] = [];
  const sorted = [...objectives].sort((a, b) => a.position - b.position);

  for (const objective of sorted) {
    const add = (part: ObjectivePart, message: string) =>
      missing.push({
        section: "SELF_ASSESSMENT",
        field: `assessments.${objective.id}.${part}`,
        message,
        anchor: objectiveAnchor(objective.code, part === "status" ? undefined : part),
      });
    const assessment = assessments[objective.id];
    if (!assessment) {
      if (objective.required) add("status", `L'objectif obligatoire ${objective.code} n'a pas d'auto-évaluation.`);
      continue;
    }
    const status = `L'objectif ${objective.code} est « ${ASSESSMENT_STATUS_LABELS[assessment.status]} »`;
    const noExplanation = assessment.explanation.trim() === "";
    if (noExplanation && NEEDS_EXPLANATION.includes(assessment.status)) {
      add("explanation", `${status} mais aucune explication n'est donnée.`);
    }
    if (noExplanation && objective.required && assessment.status === "NOT_PLANNED") {
      add("explanation", `L'objectif obligatoire ${objective.code} est « non prévu » : expliquez pourquoi.`);
    }
    if (assessment.targetDate === null && NEEDS_TARGET_DATE.includes(assessment.status)) {
      add("targetDate", `${status} mais sa date cible n'est pas indiquée.`);
    }
    if (NEEDS_EVIDENCE.includes(assessment.status) && (evidenceCounts[objective.id] ?? 0) === 0) {
      add("evidence", `${status} mais aucune pièce justificative n'est jointe.`);
    }
  }
  return missing;
}
