import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createReviewer, createReviewWave, createScoredDossier } from "@/test/factories";
import { aggregateDossier, normaliseByReviewer } from "./aggregation";
import { countedReviews, decisionSettingsOf, loadWaveScoring } from "./wave-scoring";
import { weightedTotal } from "@/lib/review/score-sheet";

/**
 * The scoring of a wave read in one SQL statement states again the rule of the reviews that count
 * (`countedReviews`): this holds the two together, on a wave with every kind of review that must
 * not count, and a « sans objet » score that must be left out of a total.
 */
describe("loadWaveScoring", () => {
  beforeEach(resetDatabase);

  async function waveWithEveryKindOfReview() {
    const wave = await createReviewWave(testDb);
    const [alice, bruno, chloe, david] = await Promise.all(
      ["Alice", "Bruno", "Chloé", "David"].map((name) => createReviewer(testDb, { name })),
    );
    const first = await createScoredDossier(testDb, wave, [
      { reviewerId: alice!.userId, value: 4, comment: "Solide." },
      { reviewerId: bruno!.userId, value: 2 },
      { reviewerId: chloe!.userId, value: 5 },
    ]);
    const second = await createScoredDossier(testDb, wave, [
      { reviewerId: alice!.userId, value: 1 },
      { reviewerId: bruno!.userId, value: 3 },
    ]);
    // Chloé declared a conflict on the first dossier after scoring it: her review counts for nothing.
    await testDb.conflictDeclaration.updateMany({
      where: { assignment: { applicationId: first.id, reviewerId: chloe!.userId } },
      data: { hasConflict: true, type: "PERSONAL_TIE" },
    });
    // David's review of the first dossier is still a draft.
    await testDb.reviewerAssignment.create({
      data: {
        applicationId: first.id,
        reviewerId: david!.userId,
        tier: "NATIONAL",
        review: { create: { status: "DRAFT", scores: { create: { criterionId: wave.criteria[0]!.id, value: 0 } } } },
      },
    });
    // Bruno judged the second dossier's optional criterion « sans objet ».
    const optional = wave.criteria.find((criterion) => !criterion.required)!;
    await testDb.score.updateMany({
      where: { criterionId: optional.id, review: { assignment: { applicationId: second.id, reviewerId: bruno!.userId } } },
      data: { value: null, notApplicable: true },
    });
    return { wave, first, second };
  }

  it("aggregates exactly the reviews `countedReviews` selects, each with all its scores", async () => {
    const { wave, first, second } = await waveWithEveryKindOfReview();
    const scoring = await loadWaveScoring(testDb, [wave.waveId]);

    const counted = await testDb.review.findMany({
      where: countedReviews({ application: { waveId: wave.waveId } }),
      orderBy: [{ assignment: { assignedAt: "asc" } }, { id: "asc" }],
      select: {
        id: true,
        assignment: { select: { applicationId: true, reviewerId: true, tier: true } },
        scores: { orderBy: { id: "asc" }, select: { criterionId: true, value: true, notApplicable: true } },
      },
    });
    expect(counted).toHaveLength(4);
    const tiered = counted.map((review) => ({
      applicationId: review.assignment.applicationId,
      reviewId: review.id,
      reviewerId: review.assignment.reviewerId,
      tier: review.assignment.tier,
      scores: review.scores,
    }));
    const normalised = normaliseByReviewer(
      tiered.map((review) => ({
        reviewId: review.reviewId,
        reviewerId: review.reviewerId,
        total: weightedTotal(wave.criteria, review.scores)!,
      })),
    );
    const settings = decisionSettingsOf(await testDb.wave.findUniqueOrThrow({ where: { id: wave.waveId } }));
    const expected = (applicationId: string) =>
      aggregateDossier(
        wave.criteria,
        tiered.filter((review) => review.applicationId === applicationId),
        normalised,
        settings,
      );

    expect(scoring.aggregateOf(first.id)).toEqual(expected(first.id));
    expect(scoring.aggregateOf(first.id).spread?.count).toBe(2);
    expect(scoring.aggregateOf(second.id)).toEqual(expected(second.id));
    expect(scoring.aggregateOf(second.id).raw).not.toBeNull();
  });

  it("quotes the comments of the dossiers asked for, in the letters' order, and refuses the others", async () => {
    const { wave, first, second } = await waveWithEveryKindOfReview();
    const scoring = await loadWaveScoring(testDb, [wave.waveId], { commentsOf: [first.id] });

    const reviews = scoring.reviewsOf(first.id);
    expect(reviews.map((review) => review.overallComment)).toEqual(["Solide.", "Projet cohérent."]);
    expect(reviews.every((review) => review.scores.length === wave.criteria.length)).toBe(true);
    expect(reviews[0]!.scores[0]!.comment).toBe("Note 4 motivée.");
    expect(() => scoring.reviewsOf(second.id)).toThrow(/not asked for/);
  });
});
