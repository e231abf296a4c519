import { z } from "zod";
import { capitalize } from "@/lib/format/capitalize";

/**
 * The score sheet: one score and one comment per criterion of the dossier's wave version, « Sans
 * objet » for optional criteria only, and an overall comment. The same schema checks the form in
 * the browser and the autosave on the server; the rules that need the criteria (scale, « Sans
 * objet ») and the completeness check at submission are plain functions below.
 */
export type SheetCriterion = {
  id: string;
  code: string;
  label: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
  required: boolean;
};

const ZScoreInput = z.object({
  /** The score as typed or chosen: "" while not scored. */
  value: z
    .string()
    .trim()
    .regex(/^(-?\d{1,3})?$/, { error: "Indiquez une note entière." }),
  notApplicable: z.boolean(),
  comment: z.string().max(4000, { error: "4 000 caractères au plus." }),
});

export const ZReviewSheetInput = z.object({
  overallComment: z.string().max(10_000, { error: "10 000 caractères au plus." }),
  scores: z.record(z.uuid(), ZScoreInput),
});
export type TReviewSheetInput = z.infer<typeof ZReviewSheetInput>;

export type StoredScore = { criterionId: string; value: number | null; notApplicable: boolean; comment: string };
/**
 * Criteria by id, built once per list: a wave's board totals every review of the wave against the
 * same few lists (one per grid version).
 */
const criteriaIndexes = new WeakMap<readonly SheetCriterion[], ReadonlyMap<string, SheetCriterion>>();
function criteriaById(criteria: readonly SheetCriterion[]): ReadonlyMap<string, SheetCriterion> {
  let index = criteriaIndexes.get(criteria);
  if (!index) criteriaIndexes.set(criteria, (index = new Map(criteria.map((criterion) => [criterion.id, criterion]))));
  return index;
}

/** What a total is computed from: a score without its comment. */
export type ScoreValue = Omit<StoredScore, "comment">;

/** The form's values from the stored review: every criterion has its entry, scored or not. */
export function sheetFormValues(
  criteria: readonly SheetCriterion[],
  review: { overallComment: string; scores: readonly StoredScore[] } | null,
): TReviewSheetInput {
  const stored = new Map((review?.scores ?? []).map((score) => [score.criterionId, score]));
  return {
    overallComment: review?.overallComment ?? "",
    scores: Object.fromEntries(
      criteria.map((criterion) => {
        const score = stored.get(criterion.id);
        return [
          criterion.id,
          {
            value: score?.value === null || score?.value === undefined ? "" : String(score.value),
            notApplicable: score?.notApplicable ?? false,
            comment: score?.comment ?? "",
          },
        ];
      }),
    ),
  };
}

/** Anchor of a criterion's block in the workspace, for the links of the missing-items list. */
export const criterionAnchor = (criterionId: string) => `critere-${criterionId}`;
export const OVERALL_COMMENT_ANCHOR = "appreciation-generale";

/**
 * The sheet's values as rows to store, or the field errors that refuse them: a score on the
 * criterion's scale, « Sans objet » only for optional criteria and never with a score, and no
 * criterion of another grid.
 */
export function parseSheet(
  criteria: readonly SheetCriterion[],
  input: TReviewSheetInput,
): { ok: true; overallComment: string; scores: StoredScore[] } | { ok: false; fieldErrors: Record<string, string[]> } {
  const byId = new Map(criteria.map((criterion) => [criterion.id, criterion]));
  const fieldErrors: Record<string, string[]> = {};
  const scores: StoredScore[] = [];
  for (const [criterionId, score] of Object.entries(input.scores)) {
    const criterion = byId.get(criterionId);
    if (!criterion) {
      fieldErrors[`scores.${criterionId}`] = ["Ce critère n'est pas celui de la grille du dossier : rechargez la page."];
      continue;
    }
    const value = score.value === "" ? null : Number(score.value);
    if (value !== null && (value < criterion.scaleMin || value > criterion.scaleMax)) {
      fieldErrors[`scores.${criterionId}.value`] = [`La note doit être comprise entre ${criterion.scaleMin} et ${criterion.scaleMax}.`];
    }
    if (score.notApplicable && criterion.required) {
      fieldErrors[`scores.${criterionId}.notApplicable`] = ["« Sans objet » n'est possible que pour un critère facultatif."];
    }
    if (score.notApplicable && value !== null) {
      fieldErrors[`scores.${criterionId}.value`] = ["Un critère « sans objet » ne reçoit pas de note."];
    }
    scores.push({ criterionId, value, notApplicable: score.notApplicable, comment: score.comment.trim() });
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, overallComment: input.overallComment.trim(), scores };
}

/**
 * One thing a review lacks: `message` for the list of what is missing (it names the criterion),
 * `field` and `fieldMessage` for the field of the form it concerns.
 */
export type MissingScore = { anchor: string; message: string; field: string; fieldMessage: string };

/** What a review still lacks to be submitted, in the grid's order; empty when complete. */
export function missingForReview(
  criteria: readonly SheetCriterion[],
  review: { overallComment: string; scores: readonly StoredScore[] },
): MissingScore[] {
  const stored = new Map(review.scores.map((score) => [score.criterionId, score]));
  const missing: MissingScore[] = [];
  for (const criterion of criteria) {
    const score = stored.get(criterion.id);
    const done = score !== undefined && (score.value !== null || (score.notApplicable && !criterion.required));
    if (!done) {
      const problem = criterion.required ? "donnez une note." : "donnez une note ou indiquez « Sans objet ».";
      missing.push({
        anchor: criterionAnchor(criterion.id),
        message: `${criterion.code} – ${criterion.label} : ${problem}`,
        field: `scores.${criterion.id}.value`,
        fieldMessage: capitalize(problem),
      });
    }
  }
  if (!review.overallComment.trim()) {
    const message = "Rédigez l'appréciation générale.";
    missing.push({ anchor: OVERALL_COMMENT_ANCHOR, message, field: "overallComment", fieldMessage: message });
  }
  return missing;
}

/**
 * The review's weighted total on 0–100: each scored criterion's note rescaled to its scale, weighted;
 * « Sans objet » leaves a criterion out of both sums. Null when nothing is scored.
 */
export function weightedTotal(criteria: readonly SheetCriterion[], scores: readonly ScoreValue[]): number | null {
  const byId = criteriaById(criteria);
  let weighted = 0;
  let weights = 0;
  for (const score of scores) {
    const criterion = byId.get(score.criterionId);
    if (!criterion || score.value === null || score.notApplicable) continue;
    weighted += (criterion.weight * (score.value - criterion.scaleMin)) / (criterion.scaleMax - criterion.scaleMin);
    weights += criterion.weight;
  }
  return weights === 0 ? null : (100 * weighted) / weights;
}
