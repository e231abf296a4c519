import type { DecisionOutcome } from "@/lib/db/generated/enums";
import { explainCriteria } from "./aggregation";
import type { DecisionLetterInput } from "./decision-letter-pdf";
import type { WaveScoring } from "./wave-scoring";

/**
 * What a dossier's letter says, from its decision and its reviews: the criteria explained with the
 * wave's ranking setting, and the comments a manager marked releasable, in the grid's order (never
 * who wrote them: the reviews loaded carry no name).
 */
export function decisionLetterInput(
  scoring: WaveScoring,
  dossier: {
    id: string;
    waveId: string;
    projectTitle: string;
    requestedCents: bigint;
    programme: string;
    wave: string;
    establishment: { name: string; finess: string };
  },
  decision: { outcome: DecisionOutcome; amountGrantedCents: bigint | null; conditions: string; reasons: string },
  releasedAt: Date,
): DecisionLetterInput {
  const criteria = scoring.criteriaOf(dossier.id);
  const reviews = scoring.reviewsOf(dossier.id);
  const aggregate = scoring.aggregateOf(dossier.id);
  const explained = explainCriteria(criteria, reviews, scoring.settingsOf(dossier.waveId).ranking);
  const comments = [
    ...criteria.flatMap((criterion) =>
      reviews.flatMap((review) =>
        review.scores
          .filter((score) => score.criterionId === criterion.id && score.commentReleasable && score.comment)
          .map((score) => ({ criterionCode: criterion.code, text: score.comment })),
      ),
    ),
    ...reviews
      .filter((review) => review.overallCommentReleasable && review.overallComment)
      .map((review) => ({ criterionCode: null, text: review.overallComment })),
  ];
  return {
    programme: dossier.programme,
    wave: dossier.wave,
    establishment: dossier.establishment,
    applicationId: dossier.id,
    projectTitle: dossier.projectTitle,
    releasedAt,
    outcome: decision.outcome,
    amountRequestedCents: dossier.requestedCents,
    amountGrantedCents: decision.amountGrantedCents,
    conditions: decision.conditions,
    reasons: decision.reasons,
    total: aggregate.raw,
    // The reviews the ranking counts (the spread is taken over them).
    reviewCount: aggregate.spread?.count ?? 0,
    criteria: explained,
    comments,
  };
}
