import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";
import { addSubmittedReviews, createReviewer, createReviewWave, createSubmittedDossier } from "@/test/factories";
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
});
