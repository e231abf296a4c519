import { beforeEach, describe, expect, it } from "vitest";
import { parisDateTime } from "@/lib/time/paris";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createReviewWave, programmeManager } from "@/test/factories";
import { updateReviewSettings } from "./update-review-settings";

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
});
