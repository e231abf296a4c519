import { beforeEach, describe, expect, it } from "vitest";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { resetDatabase, testDb } from "@/test/integration/database";
import { completeSheet, createReviewer, createReviewWave, createSubmittedDossier, programmeManager } from "@/test/factories";
import { assignReviewer } from "./assign-reviewer";
import { declareInterests } from "./declare-interests";
import { saveReview } from "./save-review";
import { saveReviewerProfile } from "./save-reviewer-profile";
import { submitReview } from "./submit-review";

/** A reviewer's profile changed by a manager on a real database: never from under the reviews they still have to do. */
describe("a reviewer's profile", () => {
  beforeEach(resetDatabase);

  it("keeps an ARS reviewer's region and role while they hold a regional review there; once it is transmitted, they change", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { reviewTiers: "REGIONAL_THEN_NATIONAL", k: 1 });
    const dossier = await createSubmittedDossier(testDb, wave, { name: "EHPAD du Profil", regionCode: "44" });
    const ars = await createReviewer(testDb, { role: "REGIONAL_REVIEWER", regions: ["44"] });
    const { assignmentId } = await assignReviewer(manager, wave.waveId, {
      tier: "REGIONAL",
      applicationId: dossier.id,
      reviewerId: ars.userId,
      overrideReason: "",
      ip: null,
    });
    const save = (staffRole: "REVIEWER" | "REGIONAL_REVIEWER", regionCodes: string[]) =>
      saveReviewerProfile(manager, ars.userId, { staffRole, regionCodes, affiliations: [] }, null);
    const { number } = await testDb.application.findUniqueOrThrow({ where: { id: dossier.id }, select: { number: true } });
    const refusal = {
      code: "INVALID_STATE",
      message: `Cet instructeur a un dossier à évaluer que ce rôle ou ces régions ne couvrent plus (${dossierReference(number)} « EHPAD du Profil ») : retirez-le-lui depuis la page de chaque dossier, puis changez son profil.`,
    };

    await expect(save("REGIONAL_REVIEWER", ["11"])).rejects.toMatchObject(refusal);
    await expect(save("REVIEWER", [])).rejects.toMatchObject(refusal);
    const kept = await testDb.user.findUniqueOrThrow({
      where: { id: ars.userId },
      select: { staffRole: true, reviewerRegions: { select: { regionCode: true } } },
    });
    expect(kept).toEqual({ staffRole: "REGIONAL_REVIEWER", reviewerRegions: [{ regionCode: "44" }] });
    expect(await testDb.auditEvent.count({ where: { action: "reviewer.profile_changed", targetId: ars.userId } })).toBe(0);

    // A region added keeps the review covered.
    await save("REGIONAL_REVIEWER", ["44", "11"]);
    await declareInterests(ars, { assignmentId, declaration: { hasConflict: false }, ip: null });
    await saveReview(ars, { assignmentId, expectedVersion: 1, data: completeSheet(wave.criteria) });
    await expect(save("REVIEWER", [])).rejects.toMatchObject(refusal);
    await submitReview(ars, { assignmentId, expectedVersion: 2, ip: null });
    await save("REVIEWER", []);
    expect((await testDb.user.findUniqueOrThrow({ where: { id: ars.userId } })).staffRole).toBe("REVIEWER");
    expect(await testDb.auditEvent.count({ where: { action: "reviewer.profile_changed", targetId: ars.userId } })).toBe(2);
  });
});
