import type { ReviewTier } from "@/lib/db/generated/enums";
import { type ScoreValue, type SheetCriterion, weightedTotal } from "@/lib/review/score-sheet";
import { groupBy } from "./group-by";

/**
 * From submitted reviews to a ranking (ADR 0013), as plain functions:
 * - a review's total on 0–100 is `weightedTotal` of the score sheet (« Sans objet » out of both sums);
 * - a dossier's spread: mean, median, standard deviation (population: the reviews are all there is)
 *   and range, with « à discuter » when the standard deviation passes the wave's threshold;
 * - per reviewer, each total as a z-score over that reviewer's reviews of the wave, rescaled to the
 *   wave's mean and standard deviation (a reviewer whose totals do not vary – one review, or the same
 *   total everywhere – tells nothing of their severity: their totals become the wave's mean);
 * - the ranking aggregate: the national tier's mean, or a weighted mix of the two tiers' means.
 */
export type Spread = { count: number; mean: number; median: number; standardDeviation: number; range: number; min: number; max: number };

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Population standard deviation (÷ n). */
export function standardDeviation(values: readonly number[]): number | null {
  const average = mean(values);
  if (average === null) return null;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / values.length);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function spreadOf(totals: readonly number[]): Spread | null {
  if (totals.length === 0) return null;
  const min = Math.min(...totals);
  const max = Math.max(...totals);
  return {
    count: totals.length,
    mean: mean(totals)!,
    median: median(totals)!,
    standardDeviation: standardDeviation(totals)!,
    range: max - min,
    min,
    max,
  };
}

/** « À discuter »: the reviews disagree by more than the wave's threshold (standard deviation, in points out of 100). */
export function isToDiscuss(spread: Spread | null, threshold: number): boolean {
  return spread !== null && spread.count >= 2 && spread.standardDeviation > threshold;
}

export type ReviewTotal = { reviewId: string; reviewerId: string; total: number };

/** Each review's normalised total, by review id: z-score within its reviewer, rescaled to the wave. */
export function normaliseByReviewer(reviews: readonly ReviewTotal[]): Map<string, number> {
  const waveMean = mean(reviews.map((review) => review.total));
  const waveDeviation = standardDeviation(reviews.map((review) => review.total));
  const normalised = new Map<string, number>();
  if (waveMean === null || waveDeviation === null) return normalised;
  for (const own of groupBy(reviews, (review) => review.reviewerId).values()) {
    const totals = own.map((review) => review.total);
    const reviewerMean = mean(totals)!;
    const reviewerDeviation = standardDeviation(totals)!;
    for (const review of own) {
      const z = reviewerDeviation === 0 ? 0 : (review.total - reviewerMean) / reviewerDeviation;
      normalised.set(review.reviewId, waveMean + z * waveDeviation);
    }
  }
  return normalised;
}

/** Which tier's aggregate ranks: the national tier alone, or `regionalWeight` % of the regional one and the rest national. */
export type RankingSetting = { mode: "NATIONAL_ONLY" } | { mode: "WEIGHTED_MIX"; regionalWeight: number };

/** The tiers whose reviews count in the ranking. */
export function rankingTiers(setting: RankingSetting): ReviewTier[] {
  return setting.mode === "NATIONAL_ONLY" || setting.regionalWeight === 0
    ? ["NATIONAL"]
    : setting.regionalWeight === 100
      ? ["REGIONAL"]
      : ["REGIONAL", "NATIONAL"];
}

/**
 * The ranking value from each tier's mean (null when the tier has no review): the mix falls back on
 * the tier that has reviews when the other has none (a wave with one tier, a regional tier skipped).
 */
export function combineTiers(means: Readonly<Partial<Record<ReviewTier, number | null>>>, setting: RankingSetting): number | null {
  const national = means.NATIONAL ?? null;
  if (setting.mode === "NATIONAL_ONLY") return national;
  const regional = means.REGIONAL ?? null;
  if (regional === null || national === null) return regional ?? national;
  const weight = setting.regionalWeight / 100;
  return weight * regional + (1 - weight) * national;
}

export type TieredReview = { reviewId: string; reviewerId: string; tier: ReviewTier; scores: readonly ScoreValue[] };

/** A dossier's figures for the board: raw and normalised aggregates, the spread of the counted reviews, reviews per tier. */
export type DossierAggregate = {
  raw: number | null;
  normalised: number | null;
  spread: Spread | null;
  toDiscuss: boolean;
  reviewsPerTier: Record<ReviewTier, number>;
};

function meansByTier(
  reviews: readonly TieredReview[],
  value: (review: TieredReview) => number | null,
): Partial<Record<ReviewTier, number | null>> {
  const values = (tier: ReviewTier) =>
    reviews
      .filter((review) => review.tier === tier)
      .map(value)
      .filter((total): total is number => total !== null);
  return { REGIONAL: mean(values("REGIONAL")), NATIONAL: mean(values("NATIONAL")) };
}

export function aggregateDossier(
  criteria: readonly SheetCriterion[],
  reviews: readonly TieredReview[],
  normalised: ReadonlyMap<string, number>,
  settings: { ranking: RankingSetting; spreadThreshold: number },
): DossierAggregate {
  const totals = new Map(reviews.map((review) => [review.reviewId, weightedTotal(criteria, review.scores)]));
  const ranked = rankingTiers(settings.ranking);
  const counted = reviews.filter((review) => ranked.includes(review.tier) && totals.get(review.reviewId) !== null);
  // The mix falls back on the tier that has reviews: so does the spread.
  const spreadReviews = counted.length > 0 ? counted : reviews.filter((review) => totals.get(review.reviewId) !== null);
  const spread = spreadOf(spreadReviews.map((review) => totals.get(review.reviewId)!));
  return {
    raw: combineTiers(
      meansByTier(reviews, (review) => totals.get(review.reviewId) ?? null),
      settings.ranking,
    ),
    normalised: combineTiers(
      meansByTier(reviews, (review) => normalised.get(review.reviewId) ?? null),
      settings.ranking,
    ),
    spread,
    toDiscuss: isToDiscuss(spread, settings.spreadThreshold),
    reviewsPerTier: {
      REGIONAL: reviews.filter((review) => review.tier === "REGIONAL").length,
      NATIONAL: reviews.filter((review) => review.tier === "NATIONAL").length,
    },
  };
}

/**
 * The score sheet explained, criterion by criterion, for the decision letter: the mean note given
 * (on the criterion's scale, « Sans objet » left out; per tier, then the ranking's mix), and its share of the total: the points it
 * brings to each review's total, averaged like the totals are (per tier, then the ranking's mix).
 * The shares add up to the raw aggregate.
 */
export type CriterionExplanation = {
  criterionId: string;
  code: string;
  label: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
  meanScore: number | null;
  points: number | null;
  /**
   * How many reviews judged it « Sans objet ». Each of them weighs its other criteria up to 100, so
   * their points then exceed what the weight and the mean note give: the letter says why.
   */
  notApplicableCount: number;
};

export function explainCriteria(
  criteria: readonly SheetCriterion[],
  reviews: readonly TieredReview[],
  ranking: RankingSetting,
): CriterionExplanation[] {
  const byId = new Map(criteria.map((criterion) => [criterion.id, criterion]));
  const contributions = new Map<string, Map<string, number>>();
  for (const review of reviews) {
    const scored = review.scores.filter((score) => score.value !== null && !score.notApplicable && byId.has(score.criterionId));
    const weights = scored.reduce((sum, score) => sum + byId.get(score.criterionId)!.weight, 0);
    const points = new Map<string, number>();
    for (const score of scored) {
      const criterion = byId.get(score.criterionId)!;
      points.set(
        criterion.id,
        (100 * criterion.weight * (score.value! - criterion.scaleMin)) / (criterion.scaleMax - criterion.scaleMin) / weights,
      );
    }
    contributions.set(review.reviewId, points);
  }
  return criteria.map((criterion) => {
    const given = (review: TieredReview) => {
      const score = review.scores.find((candidate) => candidate.criterionId === criterion.id);
      return score && score.value !== null && !score.notApplicable ? score.value : null;
    };
    const scoredReviews = reviews.filter((review) => contributions.get(review.reviewId)!.size > 0);
    const points = combineTiers(
      meansByTier(scoredReviews, (review) => contributions.get(review.reviewId)!.get(criterion.id) ?? 0),
      ranking,
    );
    return {
      criterionId: criterion.id,
      code: criterion.code,
      label: criterion.label,
      weight: criterion.weight,
      scaleMin: criterion.scaleMin,
      scaleMax: criterion.scaleMax,
      meanScore: combineTiers(meansByTier(reviews, given), ranking),
      points,
      notApplicableCount: reviews.filter(
        (review) =>
          (ranking.mode !== "NATIONAL_ONLY" || review.tier === "NATIONAL") &&
          review.scores.some((score) => score.criterionId === criterion.id && score.notApplicable),
      ).length,
    };
  });
}
