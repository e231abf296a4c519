import { beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/viewer";
import { resetDatabase, testDb } from "@/test/integration/database";
import { completeSheet, createReviewer, createReviewWave, createSubmittedDossier, programmeManager } from "@/test/factories";
import { assignReviewer } from "./assign-reviewer";
import { declareInterests } from "./declare-interests";
import { saveReview } from "./save-review";
import { submitReview } from "./submit-review";

/**
 * The last reviews of a dossier coming in together. On a PostgreSQL server each transmission's
 * transaction, left to itself, sees its own review transmitted and the other one still a draft: the
 * dossier stayed « en instruction » for good. The embedded database runs one transaction at a time,
 * where the test only checks the outcome.
 */
describe("review completion under concurrency", () => {
  beforeEach(resetDatabase);

  const ROUNDS = 20;

  /** `ROUNDS` dossiers, each with two reviewers whose sheets are complete and saved, nothing transmitted. */
  async function dossiersAwaitingTheirLastTwoReviews() {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { k: 2 });
    const reviewers = [await createReviewer(testDb), await createReviewer(testDb)] as const;
    const sheet = completeSheet(wave.criteria);
    const dossiers: Array<{ id: string; reviews: Array<{ reviewer: Viewer; assignmentId: string }> }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const dossier = await createSubmittedDossier(testDb, wave);
      const reviews = [];
      for (const reviewer of reviewers) {
        const { assignmentId } = await assignReviewer(manager, wave.waveId, {
          tier: "NATIONAL",
          applicationId: dossier.id,
          reviewerId: reviewer.userId,
          overrideReason: "",
          ip: null,
        });
        await declareInterests(reviewer, { assignmentId, declaration: { hasConflict: false }, ip: null });
        await saveReview(reviewer, { assignmentId, expectedVersion: 1, data: sheet });
        reviews.push({ reviewer, assignmentId });
      }
      dossiers.push({ id: dossier.id, reviews });
    }
    return dossiers;
  }

  it("scores the dossier once when its two last reviews are transmitted at the same moment", async () => {
    const dossiers = await dossiersAwaitingTheirLastTwoReviews();
    const scoredBy: boolean[][] = [];
    for (const dossier of dossiers) {
      const answers = await Promise.all(
        dossier.reviews.map(({ reviewer, assignmentId }) => submitReview(reviewer, { assignmentId, expectedVersion: 2, ip: null })),
      );
      scoredBy.push(answers.map((answer) => answer.dossierScored).sort());
    }
    // Whichever committed second saw both reviews in and moved the dossier.
    expect(scoredBy).toEqual(dossiers.map(() => [false, true]));
    const states = await testDb.application.findMany({ where: { id: { in: dossiers.map(({ id }) => id) } }, select: { state: true } });
    expect(states.map(({ state }) => state)).toEqual(dossiers.map(() => "SCORED"));
    const scorings = await testDb.applicationTransition.groupBy({
      by: ["applicationId"],
      where: { applicationId: { in: dossiers.map(({ id }) => id) }, toState: "SCORED" },
      _count: true,
    });
    expect(scorings.map((scoring) => scoring._count)).toEqual(dossiers.map(() => 1));
  });
});
