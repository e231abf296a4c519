import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type SheetCriterion, weightedTotal } from "@/lib/review/score-sheet";
import { aggregateDossier, type DossierAggregate, normaliseByReviewer, type RankingSetting, type TieredReview } from "./aggregation";

/**
 * Everything the aggregation needs about one or more waves, read in four queries: each wave's
 * decision settings, the criteria of their grid versions, and every submitted review (a declared
 * conflict ended its assignment: it counts for nothing). Normalisation runs over all of a wave's
 * reviews, so a dossier's figures never depend on which other dossiers were asked for.
 */
export type ScoredReview = Omit<TieredReview, "scores"> & {
  applicationId: string;
  overallComment: string;
  overallCommentReleasable: boolean;
  scores: Array<{
    id: string;
    criterionId: string;
    value: number | null;
    notApplicable: boolean;
    comment: string;
    commentReleasable: boolean;
  }>;
};

export type WaveDecisionSettings = { ranking: RankingSetting; spreadThreshold: number };

type Reader = Pick<Db, "wave" | "criterion" | "review" | "application">;

export function decisionSettingsOf(wave: {
  rankingMode: "NATIONAL_ONLY" | "WEIGHTED_MIX";
  regionalRankingWeight: number;
  spreadThreshold: number;
}): WaveDecisionSettings {
  return {
    ranking:
      wave.rankingMode === "WEIGHTED_MIX"
        ? { mode: "WEIGHTED_MIX", regionalWeight: wave.regionalRankingWeight }
        : { mode: "NATIONAL_ONLY" },
    spreadThreshold: wave.spreadThreshold,
  };
}

/**
 * The reviews that count for a dossier's figures: submitted, on an assignment that no declared
 * conflict ended. Every reader of scores (the board, the letters, the dossier export) filters so.
 */
export function countedReviews(assignment: Prisma.ReviewerAssignmentWhereInput): Prisma.ReviewWhereInput {
  return { status: "SUBMITTED", assignment: { ...assignment, NOT: { conflict: { is: { hasConflict: true } } } } };
}

export async function loadWaveScoring(client: Reader, waveIds: readonly string[]) {
  const [waves, criteria, reviews, dossiers] = await Promise.all([
    client.wave.findMany({
      where: { id: { in: [...waveIds] } },
      select: { id: true, rankingMode: true, regionalRankingWeight: true, spreadThreshold: true },
    }),
    client.criterion.findMany({
      where: { waveVersion: { waveId: { in: [...waveIds] } } },
      orderBy: { position: "asc" },
      select: { id: true, waveVersionId: true, code: true, label: true, weight: true, scaleMin: true, scaleMax: true, required: true },
    }),
    client.review.findMany({
      where: countedReviews({ application: { waveId: { in: [...waveIds] } } }),
      // A fixed order: the letters quote comments in it, and their hash depends on it.
      orderBy: [{ assignment: { assignedAt: "asc" } }, { id: "asc" }],
      select: {
        id: true,
        overallComment: true,
        overallCommentReleasable: true,
        assignment: { select: { applicationId: true, reviewerId: true, tier: true } },
        scores: { select: { id: true, criterionId: true, value: true, notApplicable: true, comment: true, commentReleasable: true } },
      },
    }),
    client.application.findMany({
      where: { waveId: { in: [...waveIds] }, assignments: { some: {} } },
      select: { id: true, waveId: true, waveVersionId: true },
    }),
  ]);
  const settings = new Map(waves.map((wave) => [wave.id, decisionSettingsOf(wave)]));
  const criteriaOfVersion = new Map<string, SheetCriterion[]>();
  for (const criterion of criteria)
    criteriaOfVersion.set(criterion.waveVersionId, [...(criteriaOfVersion.get(criterion.waveVersionId) ?? []), criterion]);
  const dossierOf = new Map(dossiers.map((dossier) => [dossier.id, dossier]));
  const criteriaOf = (applicationId: string) => criteriaOfVersion.get(dossierOf.get(applicationId)?.waveVersionId ?? "") ?? [];

  const scored: ScoredReview[] = reviews.map((review) => ({
    reviewId: review.id,
    reviewerId: review.assignment.reviewerId,
    tier: review.assignment.tier,
    applicationId: review.assignment.applicationId,
    overallComment: review.overallComment,
    overallCommentReleasable: review.overallCommentReleasable,
    scores: review.scores,
  }));
  const normalised = new Map<string, number>();
  for (const waveId of waveIds) {
    const totals = scored.flatMap((review) => {
      if (dossierOf.get(review.applicationId)?.waveId !== waveId) return [];
      const total = weightedTotal(criteriaOf(review.applicationId), review.scores);
      return total === null ? [] : [{ reviewId: review.reviewId, reviewerId: review.reviewerId, total }];
    });
    for (const [reviewId, value] of normaliseByReviewer(totals)) normalised.set(reviewId, value);
  }
  const reviewsOf = new Map<string, ScoredReview[]>();
  for (const review of scored) reviewsOf.set(review.applicationId, [...(reviewsOf.get(review.applicationId) ?? []), review]);

  const settingsOf = (waveId: string) =>
    settings.get(waveId) ?? decisionSettingsOf({ rankingMode: "NATIONAL_ONLY", regionalRankingWeight: 0, spreadThreshold: 15 });

  return {
    settingsOf,
    criteriaOf,
    reviewsOf: (applicationId: string) => reviewsOf.get(applicationId) ?? [],
    /** The dossier's aggregate; its wave must be among those loaded. */
    aggregateOf: (applicationId: string): DossierAggregate =>
      aggregateDossier(
        criteriaOf(applicationId),
        reviewsOf.get(applicationId) ?? [],
        normalised,
        settingsOf(dossierOf.get(applicationId)?.waveId ?? ""),
      ),
  };
}

export type WaveScoring = Awaited<ReturnType<typeof loadWaveScoring>>;
