import { fr } from "@codegouvfr/react-dsfr";
import { DataTable } from "@/components/dsfr/data-table";
import { formatScore } from "@/lib/format/numbers";
import type { ReviewTier } from "@/lib/db/generated/enums";
import type { DossierReviews } from "@/lib/review/dossier-reviews";
import { TIER_ADJECTIVES } from "@/lib/review/labels";
import type { SheetCriterion } from "@/lib/review/score-sheet";

function scoreText(score: { value: number | null; notApplicable: boolean } | undefined): string {
  if (!score) return "–";
  if (score.notApplicable) return "Sans objet";
  return score.value === null ? "–" : String(score.value);
}

/** A review's comments on its criteria, in the text (a cell's tooltip reaches neither the keyboard, nor touch, nor screen readers). */
function CriterionComments({
  criteria,
  scores,
}: {
  criteria: readonly SheetCriterion[];
  scores: DossierReviews["reviews"][number]["scores"];
}) {
  const commented = criteria.flatMap((criterion) => {
    const comment = scores.find((score) => score.criterionId === criterion.id)?.comment;
    return comment ? [{ criterion, comment }] : [];
  });
  if (commented.length === 0) return null;
  return (
    <ul className={fr.cx("fr-text--sm")}>
      {commented.map(({ criterion, comment }) => (
        <li key={criterion.id} style={{ whiteSpace: "pre-line" }}>
          {criterion.code} – {criterion.label} : {comment}
        </li>
      ))}
    </ul>
  );
}

/**
 * Submitted reviews side by side, one table per tier: each criterion's notes, the weighted total
 * on 100, and the spread (lowest, highest, mean, and the gap between the totals as shown:
 * lib/review/review-spread.ts), written to the tenth by `formatScore` as on the decision pages and letters; then each reviewer's overall comment and comments on criteria.
 */
export function ReviewsTable({
  reviews,
  spread,
  criteria,
  tier,
}: {
  reviews: DossierReviews["reviews"];
  spread: DossierReviews["spread"];
  criteria: readonly SheetCriterion[];
  tier: ReviewTier;
}) {
  const shown = reviews.filter((review) => review.tier === tier && review.status === "SUBMITTED");
  const summary = spread.find((entry) => entry.tier === tier);
  if (shown.length === 0) return <p>Aucune évaluation transmise à ce niveau pour l&apos;instant.</p>;
  return (
    <>
      <DataTable caption={`Évaluations transmises – niveau ${TIER_ADJECTIVES[tier]}`} small>
        <thead>
          <tr>
            <th scope="col">Critère</th>
            {shown.map((review) => (
              <th key={review.assignmentId} scope="col">
                {review.reviewer}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {criteria.map((criterion) => (
            <tr key={criterion.id}>
              <th scope="row">
                {criterion.code} – {criterion.label} <span className={fr.cx("fr-text--xs")}>(sur {criterion.scaleMax})</span>
              </th>
              {shown.map((review) => (
                <td key={review.assignmentId}>{scoreText(review.scores.find((candidate) => candidate.criterionId === criterion.id))}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">Total pondéré (sur 100)</th>
            {shown.map((review) => (
              <td key={review.assignmentId}>
                <strong>{formatScore(review.total)}</strong>
              </td>
            ))}
          </tr>
        </tbody>
      </DataTable>
      {summary && summary.count > 1 ? (
        <p className={fr.cx("fr-text--sm")}>
          Écart entre évaluations : de {formatScore(summary.min)} à {formatScore(summary.max)} (moyenne {formatScore(summary.mean)}, écart
          de {formatScore(summary.range)} points).
        </p>
      ) : null}
      {shown.map((review) => (
        <blockquote key={review.assignmentId} className={fr.cx("fr-mb-2w")}>
          <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>
            <strong>{review.reviewer}</strong> – appréciation générale :
          </p>
          <p style={{ whiteSpace: "pre-line" }}>{review.overallComment || "–"}</p>
          <CriterionComments criteria={criteria} scores={review.scores} />
        </blockquote>
      ))}
    </>
  );
}
