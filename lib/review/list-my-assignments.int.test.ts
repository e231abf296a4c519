import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";
import { addSubmittedReviews, createReviewer, createReviewWave, createSubmittedDossier, programmeManager } from "@/test/factories";
import { getDossierReviewFollowUp } from "./get-dossier-review-follow-up";
import { getReviewWorkspace } from "./get-review-workspace";
import { listMyAssignments, ZQueueFilters } from "./list-my-assignments";

describe("a reviewer's queue", () => {
  beforeEach(resetDatabase);

  it("filters by wave, tier and status, the totals and the waves offered staying the whole workload", async () => {
    const reviewer = await createReviewer(testDb);
    const [spring, autumn] = [await createReviewWave(testDb, { k: 1 }), await createReviewWave(testDb, { k: 1 })];
    await testDb.wave.update({ where: { id: spring.waveId }, data: { title: "Vague de printemps" } });
    await testDb.wave.update({ where: { id: autumn.waveId }, data: { title: "Vague d'automne" } });
    const done = await createSubmittedDossier(testDb, spring, { name: "EHPAD Déjà Évalué" });
    await addSubmittedReviews(testDb, done.id, spring.criteria, [{ reviewerId: reviewer.userId, value: 3 }]);
    for (const [wave, name] of [
      [spring, "EHPAD du Printemps"],
      [autumn, "EHPAD de l'Automne"],
    ] as const) {
      const dossier = await createSubmittedDossier(testDb, wave, { name });
      await testDb.reviewerAssignment.create({ data: { applicationId: dossier.id, reviewerId: reviewer.userId, tier: "NATIONAL" } });
    }
    const queue = (query: Record<string, string>) => listMyAssignments(reviewer, ZQueueFilters.parse(query));
    const names = (items: Awaited<ReturnType<typeof queue>>["items"]) => items.map((item) => item.establishment.name).sort();
    const workload = {
      total: 3,
      submitted: 1,
      waves: expect.arrayContaining([
        { id: spring.waveId, title: "Vague de printemps" },
        { id: autumn.waveId, title: "Vague d'automne" },
      ]),
    };

    const inSpring = await queue({ vague: spring.waveId });
    expect(names(inSpring.items)).toEqual(["EHPAD Déjà Évalué", "EHPAD du Printemps"]);
    expect(inSpring).toMatchObject(workload);
    expect(inSpring.waves).toHaveLength(2);

    const regional = await queue({ niveau: "REGIONAL" });
    expect(regional.items).toEqual([]);
    expect(regional).toMatchObject(workload);

    const toDeclareInAutumn = await queue({ vague: autumn.waveId, niveau: "NATIONAL", statut: "TO_DECLARE" });
    expect(names(toDeclareInAutumn.items)).toEqual(["EHPAD de l'Automne"]);
    expect(toDeclareInAutumn).toMatchObject(workload);
  });

  it("says a review left undone is no longer expected once the dossier left review, never overdue", async () => {
    const [reviewer, colleague, manager] = [await createReviewer(testDb), await createReviewer(testDb), await programmeManager(testDb)];
    const wave = await createReviewWave(testDb, { k: 1 });
    const past = new Date(Date.now() - 86_400_000);
    const closed = await createSubmittedDossier(testDb, wave, { name: "EHPAD Clos à la Main" });
    const open = await createSubmittedDossier(testDb, wave, { name: "EHPAD Encore Ouvert" });
    await testDb.application.update({ where: { id: open.id }, data: { state: "UNDER_REVIEW" } });
    const assign = (applicationId: string) =>
      testDb.reviewerAssignment.create({ data: { applicationId, reviewerId: reviewer.userId, tier: "NATIONAL", dueAt: past } });
    const closedAssignment = await assign(closed.id);
    await assign(open.id);
    // A manager closed the first one by hand with the colleague's review alone.
    await addSubmittedReviews(testDb, closed.id, wave.criteria, [{ reviewerId: colleague.userId, value: 4 }]);
    await testDb.application.update({ where: { id: closed.id }, data: { state: "SCORED" } });

    const queue = await listMyAssignments(reviewer, ZQueueFilters.parse({}));
    expect(queue.items.map((item) => [item.establishment.name, item.status, item.deadline])).toEqual([
      ["EHPAD Encore Ouvert", "TO_DECLARE", "OVERDUE"],
      ["EHPAD Clos à la Main", "CLOSED", "NOT_EXPECTED"],
    ]);
    expect(queue.items.every((item) => item.projectTitle === null)).toBe(true);
    // The summary counts it apart: not « à faire » (ADR 0007), as the dashboard does not count it assigned.
    expect(queue).toMatchObject({ total: 2, submitted: 0, toDo: 1, noLongerExpected: 1 });
    expect((await listMyAssignments(reviewer, ZQueueFilters.parse({ statut: "OVERDUE" }))).items).toHaveLength(1);

    // Its page neither expects it nor calls it overdue, and says why nothing can be declared on it any more.
    expect(await getReviewWorkspace(reviewer, closedAssignment.id)).toMatchObject({
      expected: false,
      deadline: "NOT_EXPECTED",
      declarationClosed: expect.stringMatching(/^Ce dossier n'est plus en instruction/),
    });

    const followUp = (await getDossierReviewFollowUp(manager, closed.id))!;
    expect(followUp.reviews.map((review) => [review.status, review.deadline]).sort()).toEqual([
      ["CLOSED", "NOT_EXPECTED"],
      ["SUBMITTED", "NOT_EXPECTED"],
    ]);
  });

  it("tells a review waiting for the information asked of the establishment from a late one, in the queue and on its page", async () => {
    const [reviewer, manager] = [await createReviewer(testDb), await programmeManager(testDb)];
    const wave = await createReviewWave(testDb, { k: 1 });
    const past = new Date(Date.now() - 86_400_000);
    const dossierIn = async (name: string, state: "UNDER_REVIEW" | "INFORMATION_REQUESTED") => {
      const dossier = await createSubmittedDossier(testDb, wave, { name });
      await testDb.application.update({ where: { id: dossier.id }, data: { state } });
      const assignment = await testDb.reviewerAssignment.create({
        data: { applicationId: dossier.id, reviewerId: reviewer.userId, tier: "NATIONAL", dueAt: past },
      });
      return { dossier, assignment };
    };
    await dossierIn("EHPAD En Instruction", "UNDER_REVIEW");
    const waiting = await dossierIn("EHPAD En Attente", "INFORMATION_REQUESTED");

    const overdue = await listMyAssignments(reviewer, ZQueueFilters.parse({ statut: "OVERDUE" }));
    expect(overdue.items.map((item) => item.establishment.name)).toEqual(["EHPAD En Instruction"]);
    const queue = await listMyAssignments(reviewer, ZQueueFilters.parse({ tri: "etablissement" }));
    expect(queue.items.map((item) => [item.establishment.name, item.status, item.deadline])).toEqual([
      ["EHPAD En Attente", "TO_DECLARE", "AWAITING_INFORMATION"],
      ["EHPAD En Instruction", "TO_DECLARE", "OVERDUE"],
    ]);

    expect(await getReviewWorkspace(reviewer, waiting.assignment.id)).toMatchObject({ expected: true, deadline: "AWAITING_INFORMATION" });
    const followUp = (await getDossierReviewFollowUp(manager, waiting.dossier.id))!;
    expect(followUp.reviews.map((review) => review.deadline)).toEqual(["AWAITING_INFORMATION"]);
  });
});
