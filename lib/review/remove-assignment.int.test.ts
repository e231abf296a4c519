import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";
import { addSubmittedReviews, createReviewer, createReviewWave, createSubmittedDossier, programmeManager } from "@/test/factories";
import { transitionApplication } from "@/lib/applications/transition-application";
import { removeAssignment } from "./remove-assignment";

describe("removing a reviewer's assignment", () => {
  beforeEach(resetDatabase);

  /** One review submitted out of the two the wave asks: the second reviewer never answered. */
  async function setup() {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { k: 1 });
    const dossier = await createSubmittedDossier(testDb, wave, { name: "EHPAD Les Glycines" });
    await testDb.application.update({ where: { id: dossier.id }, data: { state: "UNDER_REVIEW", version: 3 } });
    const [done, silent] = [await createReviewer(testDb), await createReviewer(testDb, { name: "Marc Silencieux" })];
    await addSubmittedReviews(testDb, dossier.id, wave.criteria, [{ reviewerId: done.userId, value: 4 }]);
    const pending = await testDb.reviewerAssignment.create({
      data: { applicationId: dossier.id, reviewerId: silent.userId, tier: "NATIONAL", review: { create: { overallComment: "Brouillon" } } },
    });
    const submitted = await testDb.reviewerAssignment.findFirstOrThrow({ where: { applicationId: dossier.id, reviewerId: done.userId } });
    return { manager, dossier, silent, pending, submitted };
  }

  it("takes the dossier off the reviewer's list, tells them why, and scores the dossier when the reviews left complete it", async () => {
    const { manager, dossier, silent, pending } = await setup();
    await removeAssignment(manager, { assignmentId: pending.id, reason: "Instructeur indisponible jusqu'en mars.", ip: null });

    expect(await testDb.reviewerAssignment.count({ where: { id: pending.id } })).toBe(0);
    expect(await testDb.review.count({ where: { assignmentId: pending.id } })).toBe(0);
    expect((await testDb.application.findUniqueOrThrow({ where: { id: dossier.id } })).state).toBe("SCORED");
    expect(await testDb.auditEvent.findFirst({ where: { action: "review.assignment_removed", targetId: dossier.id } })).toMatchObject({
      details: {
        assignmentId: pending.id,
        reviewer: "Marc Silencieux",
        reviewerId: silent.userId,
        tier: "NATIONAL",
        reason: "Instructeur indisponible jusqu'en mars.",
      },
    });
    const email = await testDb.outboxEmail.findFirstOrThrow({ where: { dedupeKey: `assignment-removed:${pending.id}` } });
    expect(email.to).toBe(silent.email);
    expect(email.text).toContain("Motif\u00a0: Instructeur indisponible jusqu'en mars.");
  });

  it("removes one while the establishment answers a request for information, not once the dossier is scored", async () => {
    const { manager, dossier, pending } = await setup();
    await testDb.application.update({ where: { id: dossier.id }, data: { state: "INFORMATION_REQUESTED" } });
    await removeAssignment(manager, { assignmentId: pending.id, reason: "Instructeur parti.", ip: null });
    // Paused, the review is scored once the establishment has answered, not meanwhile.
    const paused = await testDb.application.findUniqueOrThrow({ where: { id: dossier.id } });
    expect(paused.state).toBe("INFORMATION_REQUESTED");
    await transitionApplication(dossier.director, {
      applicationId: dossier.id,
      expectedVersion: paused.version,
      ip: null,
      action: "answerInformationRequest",
      comment: "Voici les pièces demandées.",
    });
    expect((await testDb.application.findUniqueOrThrow({ where: { id: dossier.id } })).state).toBe("SCORED");
    await testDb.application.update({ where: { id: dossier.id }, data: { state: "INFORMATION_REQUESTED" } });

    const other = await createReviewer(testDb);
    const late = await testDb.reviewerAssignment.create({
      data: { applicationId: dossier.id, reviewerId: other.userId, tier: "NATIONAL" },
    });
    await testDb.application.update({ where: { id: dossier.id }, data: { state: "SCORED" } });
    await expect(removeAssignment(manager, { assignmentId: late.id, reason: "Trop tard.", ip: null })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "Le dossier est « Évalué » : ses attributions ne changent plus.",
    });
  });

  it("keeps a submitted review, which is reopened rather than removed", async () => {
    const { manager, submitted } = await setup();
    await expect(removeAssignment(manager, { assignmentId: submitted.id, reason: "Erreur.", ip: null })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "Cette évaluation est transmise : rouvrez-la plutôt que de retirer l'attribution.",
    });
    expect(await testDb.reviewerAssignment.count({ where: { id: submitted.id } })).toBe(1);
  });
});
