import type { SheetCriterion } from "@/lib/review/score-sheet";

/**
 * A two-criterion grid for the scoring rules' unit tests (no database): C1 weighs 30 on 0–5 and is
 * required, C2 weighs 10 on 1–4 and may be « sans objet ». Expected figures in those tests are
 * computed by hand from these values.
 */
export const C1: SheetCriterion = {
  id: "00000000-0000-4000-8000-000000000001",
  code: "C1",
  label: "Couverture",
  weight: 30,
  scaleMin: 0,
  scaleMax: 5,
  required: true,
};
export const C2: SheetCriterion = {
  id: "00000000-0000-4000-8000-000000000002",
  code: "C2",
  label: "Fédération",
  weight: 10,
  scaleMin: 1,
  scaleMax: 4,
  required: false,
};
export const GRID = [C1, C2];

/** A stored score, as the score sheet reads it. */
export const score = (criterionId: string, value: number | null, notApplicable = false) => ({
  criterionId,
  value,
  notApplicable,
  comment: "",
});
