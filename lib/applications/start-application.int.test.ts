import { beforeEach, describe, expect, it } from "vitest";
import { createWave } from "@/lib/campaigns/create-wave";
import { listWavesForEstablishment } from "@/lib/campaigns/list-waves-for-establishment";
import { parisDateTime } from "@/lib/time/paris";
import { resetDatabase, testDb } from "@/test/integration/database";
import { startApplication } from "./start-application";
import { establishmentWithDirector, insertCampaign, programmeManager, waveForm, WAVE_FORM_CREATED_AT } from "@/test/factories";

/** Starting a dossier: eligibility screened on real rows, one dossier per establishment and wave. */
describe("starting a dossier", () => {
  beforeEach(resetDatabase);

  const open = parisDateTime("2027-02-01T10:00");

  async function wave() {
    const manager = await programmeManager(testDb);
    const { id } = await insertCampaign(testDb);
    return (await createWave(manager, id, waveForm({ eligibleCategoryCodes: ["500"] }), null, WAVE_FORM_CREATED_AT)).waveId;
  }

  it("refuses an excluded category with the reason, and creates nothing", async () => {
    const waveId = await wave();
    const { establishment, director } = await establishmentWithDirector(testDb, { categoryCode: "202" });
    await expect(startApplication(director, { waveId, establishmentId: establishment.id }, null, open)).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("« Résidence autonomie » (code FINESS 202)"),
      details: { reason: "CATEGORY_EXCLUDED" },
    });
    expect(await testDb.application.count()).toBe(0);
  });

  it("refuses before the opening and after the closing, by the server's clock", async () => {
    const waveId = await wave();
    const { establishment, director } = await establishmentWithDirector(testDb, { categoryCode: "500" });
    const start = (now: Date) => startApplication(director, { waveId, establishmentId: establishment.id }, null, now);
    await expect(start(parisDateTime("2027-01-04T08:59"))).rejects.toMatchObject({
      code: "INVALID_STATE",
      details: { reason: "NOT_OPEN_YET" },
    });
    // The closing minute, 23:59, is included: refused from the next one.
    await expect(start(parisDateTime("2027-04-01T00:00"))).rejects.toMatchObject({
      code: "DEADLINE_PASSED",
      message: expect.stringContaining("31 mars 2027 à 23\u00a0h\u00a059"),
    });
    expect(await testDb.application.count()).toBe(0);
  });

  it("creates a draft on the wave's current version, audited, and gives the same dossier to every later or concurrent start", async () => {
    const waveId = await wave();
    const { establishment, director } = await establishmentWithDirector(testDb, { categoryCode: "500" });
    const input = { waveId, establishmentId: establishment.id };
    const first = await startApplication(director, input, null, open);
    expect(first.created).toBe(true);
    const attempts = await Promise.all(Array.from({ length: 5 }, () => startApplication(director, input, null, open)));
    expect(attempts.every((attempt) => attempt.applicationId === first.applicationId && !attempt.created)).toBe(true);

    const dossiers = await testDb.application.findMany({
      where: { waveId },
      select: { id: true, state: true, waveVersion: { select: { number: true, frozenAt: true } } },
    });
    expect(dossiers).toEqual([{ id: first.applicationId, state: "DRAFT", waveVersion: { number: 1, frozenAt: open } }]);
    const audit = await testDb.auditEvent.findMany({ where: { targetId: first.applicationId }, select: { action: true } });
    expect(audit).toEqual([{ action: "application.started" }]);
  });

  it("lets the first of several concurrent starts create the dossier, and no other", async () => {
    const waveId = await wave();
    const { establishment, director } = await establishmentWithDirector(testDb, { categoryCode: "500" });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => startApplication(director, { waveId, establishmentId: establishment.id }, null, open)),
    );
    expect(new Set(results.map((result) => result.applicationId)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await testDb.application.count()).toBe(1);
  });

  it("answers NOT_FOUND to a member of another establishment, and FORBIDDEN to a programme manager", async () => {
    const waveId = await wave();
    const { establishment } = await establishmentWithDirector(testDb, { categoryCode: "500" });
    const other = await establishmentWithDirector(testDb, { categoryCode: "500" });
    await expect(startApplication(other.director, { waveId, establishmentId: establishment.id }, null, open)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      startApplication(await programmeManager(testDb), { waveId, establishmentId: establishment.id }, null, open),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists the waves for an establishment with eligibility and its dossier", async () => {
    const waveId = await wave();
    const ehpad = await establishmentWithDirector(testDb, { categoryCode: "500" });
    const residence = await establishmentWithDirector(testDb, { categoryCode: "202" });
    const { applicationId } = await startApplication(ehpad.director, { waveId, establishmentId: ehpad.establishment.id }, null, open);

    const [forEhpad] = await listWavesForEstablishment(ehpad.director, ehpad.establishment.id, open);
    expect(forEhpad).toMatchObject({
      id: waveId,
      status: "OPEN",
      eligibility: { eligible: true },
      application: { id: applicationId, state: "DRAFT" },
    });
    expect(forEhpad?.eligibilityPath).toBe(`/vagues/${waveId}/eligibilite?etablissement=${ehpad.establishment.id}`);
    const [forResidence] = await listWavesForEstablishment(residence.director, residence.establishment.id, open);
    expect(forResidence).toMatchObject({ eligibility: { eligible: false, reason: "CATEGORY_EXCLUDED" }, application: null });
    await expect(listWavesForEstablishment(residence.director, ehpad.establishment.id, open)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
