import { beforeEach, describe, expect, it } from "vitest";
import { parisDateTime } from "@/lib/time/paris";
import { resetDatabase, testDb } from "@/test/integration/database";
import type { ReviewTier, ReviewTiers } from "@/lib/db/generated/enums";
import {
  addSubmittedReviews,
  createReviewer,
  createReviewWave,
  createScoredDossier,
  createSubmittedDossier,
  programmeManager,
} from "@/test/factories";
import { REGIONAL_TIER_TOO_LATE, updateReviewSettings } from "./update-review-settings";

const NOW = parisDateTime("2026-12-05T10:00");

describe("a wave's review settings", () => {
  beforeEach(resetDatabase);

  async function setup(stored: { regionalDueAt: Date | null; nationalDueAt: Date | null }) {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { reviewTiers: "REGIONAL_THEN_NATIONAL", ...stored });
    const { version } = await testDb.wave.findUniqueOrThrow({ where: { id: wave.waveId }, select: { version: true } });
    const save = (dueDates: { regionalReviewDueAt: string; nationalReviewDueAt: string }, reviewersPerDossier = 2) =>
      updateReviewSettings(
        manager,
        wave.waveId,
        {
          reviewTiers: "REGIONAL_THEN_NATIONAL",
          ...dueDates,
          reviewersPerDossier,
          reviewersAnonymous: false,
          expectedVersion: version,
          ip: null,
        },
        NOW,
      );
    return { wave, save };
  }

  it("refuses a due date set in the past, and a national tier due before the regional one", async () => {
    const { wave, save } = await setup({ regionalDueAt: null, nationalDueAt: null });
    await expect(save({ regionalReviewDueAt: "2026-12-01T18:00", nationalReviewDueAt: "2027-01-15T18:00" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { regionalReviewDueAt: ["Choisissez une échéance à venir : celle-ci est déjà passée."] },
    });
    await expect(save({ regionalReviewDueAt: "2027-01-15T18:00", nationalReviewDueAt: "2027-01-10T18:00" })).rejects.toMatchObject({
      fieldErrors: { nationalReviewDueAt: ["L'échéance du niveau national doit suivre celle du niveau régional."] },
    });
    expect(await testDb.wave.findUniqueOrThrow({ where: { id: wave.waveId } })).toMatchObject({
      regionalReviewDueAt: null,
      nationalReviewDueAt: null,
    });

    await save({ regionalReviewDueAt: "2027-01-10T18:00", nationalReviewDueAt: "2027-01-15T18:00" });
    expect(await testDb.wave.findUniqueOrThrow({ where: { id: wave.waveId } })).toMatchObject({
      regionalReviewDueAt: parisDateTime("2027-01-10T18:00"),
      nationalReviewDueAt: parisDateTime("2027-01-15T18:00"),
    });
  });

  it("keeps a due date already passed while another setting changes", async () => {
    const { wave, save } = await setup({
      regionalDueAt: parisDateTime("2026-11-30T18:00"),
      nationalDueAt: parisDateTime("2027-01-15T18:00"),
    });
    await save({ regionalReviewDueAt: "2026-11-30T18:00", nationalReviewDueAt: "2027-01-15T18:00" }, 3);
    expect(await testDb.wave.findUniqueOrThrow({ where: { id: wave.waveId } })).toMatchObject({ reviewersPerDossier: 3 });
  });

  /** A wave reviewed by `reviewTiers`, k = 2, and a manager saving its settings with other tiers or k. */
  async function reviewedWave(reviewTiers: ReviewTiers) {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { reviewTiers, k: 2 });
    const save = async (settings: { reviewTiers: ReviewTiers; reviewersPerDossier: number }) => {
      const { version } = await testDb.wave.findUniqueOrThrow({ where: { id: wave.waveId }, select: { version: true } });
      return updateReviewSettings(
        manager,
        wave.waveId,
        { ...settings, regionalReviewDueAt: "", nationalReviewDueAt: "", reviewersAnonymous: false, expectedVersion: version, ip: null },
        NOW,
      );
    };
    /** A dossier in `state` with one submitted review per tier given, and a draft for each tier in `drafts`. */
    const dossier = async (state: "UNDER_REVIEW" | "INFORMATION_REQUESTED", submitted: ReviewTier[], drafts: ReviewTier[] = []) => {
      const created = await createSubmittedDossier(testDb, wave);
      await testDb.application.update({ where: { id: created.id }, data: { state, version: 3 } });
      for (const tier of submitted) {
        const reviewer = await createReviewer(testDb);
        await addSubmittedReviews(testDb, created.id, wave.criteria, [{ reviewerId: reviewer.userId, value: 4, tier }]);
      }
      for (const tier of drafts) {
        const reviewer = await createReviewer(testDb);
        await testDb.reviewerAssignment.create({
          data: { applicationId: created.id, reviewerId: reviewer.userId, tier, review: { create: { overallComment: "Brouillon" } } },
        });
      }
      return created;
    };
    const stateOf = async (id: string) => (await testDb.application.findUniqueOrThrow({ where: { id } })).state;
    return { wave, save, dossier, stateOf };
  }

  it("scores, in the same change, the dossiers whose review fewer reviewers per dossier complete, tiers in order", async () => {
    const national = await reviewedWave("NATIONAL_ONLY");
    const complete = await national.dossier("UNDER_REVIEW", ["NATIONAL"]);
    const pending = await national.dossier("UNDER_REVIEW", ["NATIONAL"], ["NATIONAL"]);
    const paused = await national.dossier("INFORMATION_REQUESTED", ["NATIONAL"]);

    const result = await national.save({ reviewTiers: "NATIONAL_ONLY", reviewersPerDossier: 1 });
    // The wave's version after the save: the form sends it with the next one.
    const { version } = await testDb.wave.findUniqueOrThrow({ where: { id: national.wave.waveId }, select: { version: true } });
    expect(result).toEqual({ changed: ["reviewersPerDossier"], scored: [complete.id], version });
    expect(await national.stateOf(complete.id)).toBe("SCORED");
    expect(await national.stateOf(pending.id)).toBe("UNDER_REVIEW");
    // Paused, it is scored when the establishment answers (transitionApplication), not meanwhile.
    expect(await national.stateOf(paused.id)).toBe("INFORMATION_REQUESTED");
    expect(await testDb.applicationTransition.findFirst({ where: { applicationId: complete.id, toState: "SCORED" } })).toMatchObject({
      fromState: "UNDER_REVIEW",
    });
    expect(await testDb.outboxEmail.count({ where: { to: complete.director.email } })).toBe(1);

    const twoTiers = await reviewedWave("REGIONAL_THEN_NATIONAL");
    const regionalOnly = await twoTiers.dossier("UNDER_REVIEW", ["REGIONAL"], ["NATIONAL"]);
    const bothTiers = await twoTiers.dossier("UNDER_REVIEW", ["REGIONAL", "NATIONAL"]);
    expect((await twoTiers.save({ reviewTiers: "REGIONAL_THEN_NATIONAL", reviewersPerDossier: 1 })).scored).toEqual([bothTiers.id]);
    // The regional tier is now complete: the national one still has to judge.
    expect(await twoTiers.stateOf(regionalOnly.id)).toBe("UNDER_REVIEW");
    expect(await twoTiers.stateOf(bothTiers.id)).toBe("SCORED");
  });

  it("refuses to add the regional tier once the ANS has judged a dossier of the wave, not before", async () => {
    const drafts = await reviewedWave("NATIONAL_ONLY");
    await drafts.dossier("UNDER_REVIEW", [], ["NATIONAL"]);
    await drafts.save({ reviewTiers: "REGIONAL_THEN_NATIONAL", reviewersPerDossier: 2 });
    expect((await testDb.wave.findUniqueOrThrow({ where: { id: drafts.wave.waveId } })).reviewTiers).toBe("REGIONAL_THEN_NATIONAL");

    const submitted = await reviewedWave("NATIONAL_ONLY");
    await submitted.dossier("UNDER_REVIEW", ["NATIONAL"], ["NATIONAL"]);
    await expect(submitted.save({ reviewTiers: "REGIONAL_THEN_NATIONAL", reviewersPerDossier: 2 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: REGIONAL_TIER_TOO_LATE,
      fieldErrors: { reviewTiers: [REGIONAL_TIER_TOO_LATE] },
    });

    const decided = await reviewedWave("NATIONAL_ONLY");
    const scored = await createScoredDossier(testDb, decided.wave, []);
    await testDb.application.update({ where: { id: scored.id }, data: { state: "SELECTED" } });
    await expect(decided.save({ reviewTiers: "REGIONAL_THEN_NATIONAL", reviewersPerDossier: 2 })).rejects.toMatchObject({
      message: REGIONAL_TIER_TOO_LATE,
    });
    expect((await testDb.wave.findUniqueOrThrow({ where: { id: decided.wave.waveId } })).reviewTiers).toBe("NATIONAL_ONLY");
  });
});
