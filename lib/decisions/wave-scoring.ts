import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type SheetCriterion, weightedTotal } from "@/lib/review/score-sheet";
import { aggregateDossier, type DossierAggregate, normaliseByReviewer, type RankingSetting, type TieredReview } from "./aggregation";
import { groupBy } from "./group-by";

/** A counted review, values only: what totals, normalisation and the spread read. */
type CountedReview = TieredReview & { applicationId: string };

/** A counted review with what the proposal and the letter quote: comments and which may be released. */
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

type Reader = Pick<Db, "wave" | "criterion" | "review" | "application" | "$queryRaw">;

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
 * conflict ended. Every reader of scores (the board, the letters, the dossier export) filters so;
 * `readCountedReviews` states the same rule in SQL (wave-scoring.int.test.ts holds them together).
 */
export function countedReviews(assignment: Prisma.ReviewerAssignmentWhereInput): Prisma.ReviewWhereInput {
  return { status: "SUBMITTED", assignment: { ...assignment, NOT: { conflict: { is: { hasConflict: true } } } } };
}

/**
 * Every counted review of the waves with its scores' values, in one statement: a wave's board
 * normalises over all of them (30,000 reviews and 180,000 scores on a national wave), where Prisma's
 * nested read cost seconds mapping rows. The scores come as one text per review, `criterion value
 * notApplicable` joined by commas (value empty when not given). Ordered as the letters quote reviews.
 */
async function readCountedReviews(client: Reader, waveIds: readonly string[]): Promise<CountedReview[]> {
  const rows = await client.$queryRaw<Array<Omit<CountedReview, "scores"> & { scores: string }>>`
    SELECT r.id AS "reviewId", ra."applicationId", ra."reviewerId", ra.tier::text AS tier,
           coalesce(string_agg(concat(s."criterionId", ' ', s.value, ' ', s."notApplicable"::int), ',' ORDER BY s.id) FILTER (WHERE s.id IS NOT NULL), '') AS scores
    FROM "Review" r
    JOIN "ReviewerAssignment" ra ON ra.id = r."assignmentId"
    JOIN "Application" a ON a.id = ra."applicationId"
    LEFT JOIN "Score" s ON s."reviewId" = r.id
    WHERE a."waveId" = ANY(${[...waveIds]}::uuid[]) AND r.status = 'SUBMITTED'
      AND NOT EXISTS (SELECT 1 FROM "ConflictDeclaration" c WHERE c."assignmentId" = ra.id AND c."hasConflict")
    GROUP BY r.id, ra.id
    ORDER BY ra."assignedAt", r.id`;
  return rows.map((row) => ({
    ...row,
    scores: row.scores
      ? row.scores.split(",").map((score) => {
          const [criterionId, value, notApplicable] = score.split(" ") as [string, string, string];
          return { criterionId, value: value === "" ? null : Number(value), notApplicable: notApplicable === "1" };
        })
      : [],
  }));
}

/**
 * Everything the aggregation needs about one or more waves: each wave's decision settings, the
 * criteria of their grid versions, and every counted review's scores. Normalisation runs over all of
 * a wave's reviews, so a dossier's figures never depend on which other dossiers were asked for.
 * Comments are read only for the dossiers in `commentsOf` (a proposal, the letters of a release).
 */
export async function loadWaveScoring(
  client: Reader,
  waveIds: readonly string[],
  { commentsOf = [] }: { commentsOf?: readonly string[] } = {},
) {
  const [waves, criteria, counted, dossiers, commented] = await Promise.all([
    client.wave.findMany({
      where: { id: { in: [...waveIds] } },
      select: { id: true, rankingMode: true, regionalRankingWeight: true, spreadThreshold: true },
    }),
    client.criterion.findMany({
      where: { waveVersion: { waveId: { in: [...waveIds] } } },
      orderBy: { position: "asc" },
      select: { id: true, waveVersionId: true, code: true, label: true, weight: true, scaleMin: true, scaleMax: true, required: true },
    }),
    readCountedReviews(client, waveIds),
    client.application.findMany({
      where: { waveId: { in: [...waveIds] }, assignments: { some: {} } },
      select: { id: true, waveId: true, waveVersionId: true },
    }),
    commentsOf.length === 0
      ? []
      : client.review.findMany({
          where: countedReviews({ applicationId: { in: [...commentsOf] } }),
          // A fixed order: the letters quote comments in it, and their hash depends on it.
          orderBy: [{ assignment: { assignedAt: "asc" } }, { id: "asc" }],
          select: {
            id: true,
            overallComment: true,
            overallCommentReleasable: true,
            assignment: { select: { applicationId: true, reviewerId: true, tier: true } },
            scores: {
              orderBy: { id: "asc" },
              select: { id: true, criterionId: true, value: true, notApplicable: true, comment: true, commentReleasable: true },
            },
          },
        }),
  ]);
  const settings = new Map(waves.map((wave) => [wave.id, decisionSettingsOf(wave)]));
  const criteriaOfVersion = groupBy(criteria, (criterion) => criterion.waveVersionId);
  const dossierOf = new Map(dossiers.map((dossier) => [dossier.id, dossier]));
  const criteriaOf = (applicationId: string): SheetCriterion[] =>
    criteriaOfVersion.get(dossierOf.get(applicationId)?.waveVersionId ?? "") ?? [];

  const normalised = new Map<string, number>();
  for (const waveId of waveIds) {
    const totals = counted.flatMap((review) => {
      if (dossierOf.get(review.applicationId)?.waveId !== waveId) return [];
      const total = weightedTotal(criteriaOf(review.applicationId), review.scores);
      return total === null ? [] : [{ reviewId: review.reviewId, reviewerId: review.reviewerId, total }];
    });
    for (const [reviewId, value] of normaliseByReviewer(totals)) normalised.set(reviewId, value);
  }
  const countedOf = groupBy(counted, (review) => review.applicationId);
  const withComments = new Set(commentsOf);
  const commentedOf = groupBy(
    commented.map((review): ScoredReview => ({
      reviewId: review.id,
      reviewerId: review.assignment.reviewerId,
      tier: review.assignment.tier,
      applicationId: review.assignment.applicationId,
      overallComment: review.overallComment,
      overallCommentReleasable: review.overallCommentReleasable,
      scores: review.scores,
    })),
    (review) => review.applicationId,
  );

  const settingsOf = (waveId: string) =>
    settings.get(waveId) ?? decisionSettingsOf({ rankingMode: "NATIONAL_ONLY", regionalRankingWeight: 0, spreadThreshold: 15 });

  return {
    settingsOf,
    criteriaOf,
    /** The dossier's counted reviews with their comments; only for a dossier named in `commentsOf`. */
    reviewsOf: (applicationId: string): ScoredReview[] => {
      if (!withComments.has(applicationId)) throw new Error(`loadWaveScoring: the comments of ${applicationId} were not asked for.`);
      return commentedOf.get(applicationId) ?? [];
    },
    /** The dossier's aggregate; its wave must be among those loaded. */
    aggregateOf: (applicationId: string): DossierAggregate =>
      aggregateDossier(
        criteriaOf(applicationId),
        countedOf.get(applicationId) ?? [],
        normalised,
        settingsOf(dossierOf.get(applicationId)?.waveId ?? ""),
      ),
  };
}

export type WaveScoring = Awaited<ReturnType<typeof loadWaveScoring>>;
