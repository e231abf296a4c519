/**
 * The French names of a score sheet's fields, as the sheet labels them and as a conflict between
 * two saved versions (the same reviewer in two tabs) names them.
 */
export const OVERALL_COMMENT_LABEL = "Appréciation générale";

/** The review page's notice « Évaluation transmise le … », where the focus goes once the sheet is submitted. */
export const SUBMITTED_NOTICE_ID = "evaluation-transmise";

export function criterionCommentLabel(criterionCode: string): string {
  return `Commentaire sur ${criterionCode}`;
}

const SCORE_FIELDS: Readonly<Record<string, (code: string) => string>> = {
  value: (code) => `${code} – Note`,
  notApplicable: (code) => `${code} – Sans objet`,
  comment: criterionCommentLabel,
};

/** A field of the sheet, named by its form path (`scores.<criterion id>.value`), and its value, in words. */
export function readScoreSheetField(
  path: string,
  value: unknown,
  criteria: ReadonlyArray<{ id: string; code: string }>,
): { field: string; value: string } {
  const text = typeof value === "boolean" ? (value ? "Oui" : "Non") : value === null || value === undefined ? "" : String(value);
  if (path === "overallComment") return { field: OVERALL_COMMENT_LABEL, value: text };
  const [head, criterionId, key] = path.split(".");
  const criterion = head === "scores" ? criteria.find((candidate) => candidate.id === criterionId) : undefined;
  const label = key && Object.hasOwn(SCORE_FIELDS, key) ? SCORE_FIELDS[key] : undefined;
  return { field: criterion && label ? label(criterion.code) : path, value: text };
}
