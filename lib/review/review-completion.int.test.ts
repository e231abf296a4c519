import { beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/viewer";
import { transitionApplication } from "@/lib/applications/transition-application";
import { resetDatabase, testDb } from "@/test/integration/database";
import { completeSheet, createReviewer, createReviewWave, createSubmittedDossier, programmeManager } from "@/test/factories";
import { assignReviewer } from "./assign-reviewer";
import { declareInterests } from "./declare-interests";
import { reopenReview } from "./reopen-review";
import { reviewFrozenReason } from "./review-states";
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

  /**
   * `rounds` dossiers of a wave of k = 2, each with `reviewerCount` reviewers who declared no
   * conflict and saved a complete sheet, nothing transmitted.
   */
  async function dossiersInReview(rounds: number, reviewerCount: number) {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { k: 2 });
    const reviewers: Viewer[] = [];
    for (let index = 0; index < reviewerCount; index++) reviewers.push(await createReviewer(testDb));
    const sheet = completeSheet(wave.criteria);
    const dossiers: Array<{ id: string; reviews: Array<{ reviewer: Viewer; assignmentId: string }> }> = [];
    for (let round = 0; round < rounds; round++) {
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
    return { manager, dossiers, sheet };
  }

  const statesOf = async (dossiers: ReadonlyArray<{ id: string }>) =>
    (await testDb.application.findMany({ where: { id: { in: dossiers.map(({ id }) => id) } }, select: { state: true } })).map(
      ({ state }) => state,
    );

  it("scores the dossier once when its two last reviews are transmitted at the same moment", async () => {
    const { dossiers } = await dossiersInReview(ROUNDS, 2);
    const scoredBy: boolean[][] = [];
    for (const dossier of dossiers) {
      const answers = await Promise.all(
        dossier.reviews.map(({ reviewer, assignmentId }) => submitReview(reviewer, { assignmentId, expectedVersion: 2, ip: null })),
      );
      scoredBy.push(answers.map((answer) => answer.dossierScored).sort());
    }
    // Whichever committed second saw both reviews in and moved the dossier.
    expect(scoredBy).toEqual(dossiers.map(() => [false, true]));
    expect(await statesOf(dossiers)).toEqual(dossiers.map(() => "SCORED"));
    const scorings = await testDb.applicationTransition.groupBy({
      by: ["applicationId"],
      where: { applicationId: { in: dossiers.map(({ id }) => id) }, toState: "SCORED" },
      _count: true,
    });
    expect(scorings.map((scoring) => scoring._count)).toEqual(dossiers.map(() => 1));
  });

  it("scores the dossier when its last pending reviewer declares a conflict as the other transmits", async () => {
    const { dossiers } = await dossiersInReview(ROUNDS / 2, 3);
    for (const { reviews } of dossiers) {
      const [first, second, third] = reviews as [(typeof reviews)[number], (typeof reviews)[number], (typeof reviews)[number]];
      await submitReview(first.reviewer, { assignmentId: first.assignmentId, expectedVersion: 2, ip: null });
      await Promise.all([
        submitReview(second.reviewer, { assignmentId: second.assignmentId, expectedVersion: 2, ip: null }),
        declareInterests(third.reviewer, {
          assignmentId: third.assignmentId,
          declaration: { hasConflict: true, type: "PERSONAL_TIE", partnerSiret: "", details: "Découvert en cours d'évaluation." },
          ip: null,
        }),
      ]);
    }
    expect(await statesOf(dossiers)).toEqual(dossiers.map(() => "SCORED"));
  });

  it("leaves no dossier « évalué » with a review reopened as its last one came in", async () => {
    const { manager, dossiers } = await dossiersInReview(ROUNDS / 2, 2);
    for (const { reviews } of dossiers) {
      const [first, second] = reviews as [(typeof reviews)[number], (typeof reviews)[number]];
      await submitReview(first.reviewer, { assignmentId: first.assignmentId, expectedVersion: 2, ip: null });
      await Promise.all([
        reopenReview(manager, { assignmentId: first.assignmentId, reason: "Le critère C2 mérite d'être revu.", ip: null }),
        submitReview(second.reviewer, { assignmentId: second.assignmentId, expectedVersion: 2, ip: null }),
      ]);
    }
    // Whichever came first, the reopened review is a draft again: the dossier is back in review.
    expect(await statesOf(dossiers)).toEqual(dossiers.map(() => "UNDER_REVIEW"));
  });

  it.each([
    ["save", "DRAFT"],
    ["transmission", "SUBMITTED"],
  ] as const)("changes no review once its dossier went back to the establishment, whichever came first (%s)", async (act, storedAs) => {
    const { manager, dossiers, sheet } = await dossiersInReview(ROUNDS, 1);
    const outcomes: Array<{ accepted: boolean; requestFirst: boolean }> = [];
    for (const { id, reviews } of dossiers) {
      const [{ reviewer, assignmentId }] = reviews as [(typeof reviews)[number]];
      const { version } = await testDb.application.findUniqueOrThrow({ where: { id }, select: { version: true } });
      // The order the two answers come back in is the order they committed in: the reviewer's lock
      // keeps the request waiting, and the request's lock the reviewer.
      const settled: string[] = [];
      const [reviewerAct] = await Promise.allSettled([
        (act === "save"
          ? saveReview(reviewer, { assignmentId, expectedVersion: 2, data: { ...sheet, overallComment: "Pendant la demande" } })
          : submitReview(reviewer, { assignmentId, expectedVersion: 2, ip: null })
        ).finally(() => settled.push("reviewer")),
        transitionApplication(manager, {
          applicationId: id,
          expectedVersion: version,
          ip: null,
          action: "requestInformation",
          comment: "Joignez le devis du prestataire.",
          responseDueAt: "2999-01-15T18:00",
        }).then(() => settled.push("request")),
      ]);
      const stored = await testDb.review.findUniqueOrThrow({ where: { assignmentId }, select: { version: true, status: true } });
      if (reviewerAct.status === "rejected") {
        expect(reviewerAct.reason).toMatchObject({ code: "INVALID_STATE", message: reviewFrozenReason("INFORMATION_REQUESTED") });
        expect(stored).toEqual({ version: 2, status: "DRAFT" });
      } else expect(stored).toEqual({ version: 3, status: storedAs });
      outcomes.push({ accepted: reviewerAct.status === "fulfilled", requestFirst: settled[0] === "request" });
    }
    // What the reviewer was told went through was stored while the dossier was still in review.
    expect(outcomes.filter(({ accepted, requestFirst }) => accepted && requestFirst)).toEqual([]);
    expect(await statesOf(dossiers)).toEqual(dossiers.map(() => "INFORMATION_REQUESTED"));
  });
});
