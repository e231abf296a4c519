import { beforeEach, describe, expect, it } from "vitest";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { resetDatabase, testDb } from "@/test/integration/database";
import { completeSheet, createReviewer, createReviewWave, createSubmittedDossier, programmeManager } from "@/test/factories";
import { assignReviewer } from "./assign-reviewer";
import { declareInterests } from "./declare-interests";
import { getAssignmentBoard, ZBoardFilters } from "./get-assignment-board";
import { ZReviewerProfileInput } from "./reviewer-profile-schema";
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

  it("says on saving which dossiers already assigned a new affiliation flags, and the assignment page flags them from then on", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { k: 1 });
    const sources = await createSubmittedDossier(testDb, wave, { name: "IME Les Sources" });
    const elsewhere = await createSubmittedDossier(testDb, wave, { name: "EHPAD Sans Lien" });
    const thomas = await createReviewer(testDb, { name: "Thomas Nguyen" });
    for (const dossier of [sources, elsewhere])
      await assignReviewer(manager, wave.waveId, {
        tier: "NATIONAL",
        applicationId: dossier.id,
        reviewerId: thomas.userId,
        overrideReason: "",
        ip: null,
      });
    const { finessEj, applications } = await testDb.establishment.findUniqueOrThrow({
      where: { id: sources.establishment.id },
      select: { finessEj: true, applications: { select: { number: true } } },
    });
    const assignedPairs = async () =>
      new Map(
        (await getAssignmentBoard(manager, wave.waveId, ZBoardFilters.parse({ vue: "tous" }))).rows.map((row) => [
          row.establishment.name,
          row.assignments.map((assignment) => [assignment.reviewer, assignment.flags, assignment.overrideReason]),
        ]),
      );
    expect(await assignedPairs()).toEqual(
      new Map([
        ["IME Les Sources", [["Thomas Nguyen", [], null]]],
        ["EHPAD Sans Lien", [["Thomas Nguyen", [], null]]],
      ]),
    );

    // His former employer, the establishment's legal entity, entered after the assignment.
    const profile = ZReviewerProfileInput.parse({
      staffRole: "REVIEWER",
      affiliations: [{ kind: "FINESS", reference: finessEj, label: "Ancien employeur", startsOn: "2015-01-01" }],
    });
    expect(await saveReviewerProfile(manager, thomas.userId, profile, null)).toEqual({
      warning: `Ces liens d'intérêts concernent un dossier déjà attribué à Thomas Nguyen (${dossierReference(applications[0]!.number)} « IME Les Sources ») : vérifiez-le sur la page d'attribution de sa vague.`,
    });
    expect(await assignedPairs()).toEqual(
      new Map([
        ["IME Les Sources", [["Thomas Nguyen", ["Employeur : l'établissement ou son entité juridique (FINESS)"], null]]],
        ["EHPAD Sans Lien", [["Thomas Nguyen", [], null]]],
      ]),
    );
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "reviewer.profile_changed", targetId: thomas.userId } });
    expect(audit.details).toMatchObject({ newlyFlagged: [dossierReference(applications[0]!.number)] });
    // Saved again as it is, nothing new to say: the page already flags the pair.
    expect(await saveReviewerProfile(manager, thomas.userId, profile, null)).toEqual({ warning: null });
  });
});
