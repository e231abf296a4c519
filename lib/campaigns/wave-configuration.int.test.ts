import { beforeEach, describe, expect, it } from "vitest";
import { startApplication } from "@/lib/applications/start-application";
import { parisDateTime } from "@/lib/time/paris";
import { resetDatabase, testDb } from "@/test/integration/database";
import { changeWaveGrid } from "./change-wave-grid";
import { createCampaign } from "./create-campaign";
import { createWave } from "./create-wave";
import { DEFAULT_CRITERIA, DEFAULT_OBJECTIVES } from "./programme-defaults";
import { updateCampaign } from "./update-campaign";
import { updateWaveSettings } from "./update-wave-settings";
import {
  createSelectedDossier,
  establishmentWithDirector,
  insertCampaign,
  programmeManager,
  waveForm,
  WAVE_FORM_CREATED_AT,
} from "@/test/factories";
import { getWaveConfiguration } from "./get-wave-configuration";
import { ZWaveSettingsInput } from "./schemas";
import { waveSettingsFormValues } from "./wave-form-values";

/** Campaigns and waves configured by programme managers, on a real database. */
describe("wave configuration", () => {
  beforeEach(resetDatabase);

  const beforeOpening = parisDateTime("2027-01-04T08:59");
  const afterOpening = parisDateTime("2027-01-10T10:00");
  const grid = (weightOfFirst: number) => ({
    objectives: DEFAULT_OBJECTIVES.map((objective) => ({ ...objective })),
    criteria: DEFAULT_CRITERIA.map((criterion, index) => ({ ...criterion, weight: index === 0 ? weightOfFirst : criterion.weight })),
  });
  const auditOf = (targetId: string) =>
    testDb.auditEvent.findMany({ where: { targetId }, orderBy: { id: "asc" }, select: { action: true, details: true, actorLabel: true } });
  const versionsOf = (waveId: string) =>
    testDb.waveVersion.findMany({
      where: { waveId },
      orderBy: { number: "asc" },
      select: { id: true, number: true, frozenAt: true, criteria: { orderBy: { position: "asc" }, select: { code: true, weight: true } } },
    });

  it("creates a campaign, then a wave with its eligibility and version 1 of its grid, audited", async () => {
    const manager = await programmeManager(testDb);
    const { campaignId } = await createCampaign(manager, { slug: "hospiconnect-2027", title: "HospiConnect 2027", description: "" });
    const { waveId } = await createWave(manager, campaignId, waveForm(), null, WAVE_FORM_CREATED_AT);

    const wave = await testDb.wave.findUniqueOrThrow({
      where: { id: waveId },
      select: {
        opensAt: true,
        closesAt: true,
        fundingEnvelopeCents: true,
        version: true,
        eligibleCategories: { select: { categoryCode: true } },
      },
    });
    expect(wave.opensAt.toISOString()).toBe("2027-01-04T08:00:00.000Z");
    expect(wave.closesAt.toISOString()).toBe("2027-03-31T21:59:00.000Z");
    expect(wave.fundingEnvelopeCents).toBe(25_000_000_00n);
    expect(wave.eligibleCategories.map((row) => row.categoryCode).sort()).toEqual(["355", "500"]);
    const [version] = await versionsOf(waveId);
    expect(version).toMatchObject({ number: 1, frozenAt: null });
    expect(version?.criteria.map((criterion) => criterion.code)).toEqual(["C1", "C2", "C3", "C4", "C5"]);
    expect((await auditOf(waveId)).map((event) => event.action)).toEqual(["wave.created"]);
    expect((await auditOf(campaignId))[0]).toMatchObject({ action: "campaign.created", actorLabel: manager.email });
  });

  it("corrects a campaign's title and description, audited with what changed, and writes nothing when nothing changed", async () => {
    const manager = await programmeManager(testDb);
    const { director } = await establishmentWithDirector(testDb);
    const { campaignId } = await createCampaign(manager, { slug: "hospiconnect", title: "HospiConect", description: "" });
    await expect(updateCampaign(director, campaignId, { title: "X", description: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateCampaign(manager, crypto.randomUUID(), { title: "X", description: "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await expect(updateCampaign(manager, campaignId, { title: "HospiConnect", description: "" })).resolves.toEqual({ changed: true });
    expect(await testDb.campaign.findUniqueOrThrow({ where: { id: campaignId } })).toMatchObject({
      title: "HospiConnect",
      slug: "hospiconnect",
    });
    expect((await auditOf(campaignId)).map((event) => [event.action, event.details])).toEqual([
      ["campaign.created", expect.anything()],
      ["campaign.updated", { changes: { title: { from: "HospiConect", to: "HospiConnect" } } }],
    ]);
    await expect(updateCampaign(manager, campaignId, { title: "HospiConnect", description: "" })).resolves.toEqual({ changed: false });
    expect(await auditOf(campaignId)).toHaveLength(2);
  });

  it("refuses a member, a second campaign with the same identifier and a second wave of the same kind and year", async () => {
    const manager = await programmeManager(testDb);
    const { director } = await establishmentWithDirector(testDb);
    await expect(createCampaign(director, { slug: "x", title: "Campagne", description: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await createCampaign(manager, { slug: "hospiconnect", title: "HospiConnect", description: "" });
    await expect(createCampaign(manager, { slug: "hospiconnect", title: "Autre", description: "" })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { slug: [expect.stringContaining("identifiant")] },
    });
    const { id } = await insertCampaign(testDb);
    await createWave(manager, id, waveForm(), null, WAVE_FORM_CREATED_AT);
    await expect(createWave(manager, id, waveForm({ title: "Doublon" }), null, WAVE_FORM_CREATED_AT)).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { year: [expect.any(String)] },
    });
    await expect(
      createWave(manager, id, waveForm({ year: 2028, eligibleCategoryCodes: ["999"] }), null, WAVE_FORM_CREATED_AT),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await testDb.wave.count()).toBe(1);
  });

  it("refuses a new wave whose closing has passed, on the closing's field, and writes nothing", async () => {
    const manager = await programmeManager(testDb);
    const { id } = await insertCampaign(testDb);
    await expect(createWave(manager, id, waveForm(), null, parisDateTime("2027-04-01T08:00"))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { closesAt: [expect.stringContaining("déjà passée")] },
    });
    expect(await testDb.wave.count()).toBe(0);
  });

  it("edits the grid in place until the wave opens", async () => {
    const manager = await programmeManager(testDb);
    const { id } = await insertCampaign(testDb);
    const { waveId } = await createWave(manager, id, waveForm(), null, WAVE_FORM_CREATED_AT);
    const [before] = await versionsOf(waveId);

    const outcome = await changeWaveGrid(manager, waveId, { ...grid(40), expectedVersion: 1 }, null, beforeOpening);
    expect(outcome).toEqual({ outcome: "EDITED_IN_PLACE", versionNumber: 1, waveVersion: 2 });
    const versions = await versionsOf(waveId);
    expect(versions).toHaveLength(1);
    expect(versions[0]?.id).toBe(before?.id);
    expect(versions[0]?.criteria[0]).toEqual({ code: "C1", weight: 40 });
    const audit = await auditOf(waveId);
    expect(audit.map((event) => event.action)).toEqual(["wave.created", "wave.grid_changed"]);
    // The version is overwritten: the log keeps what it held, field by field.
    expect(audit[1]!.details).toEqual({ versionNumber: 1, criteriaChanged: { C1: { weight: { from: 30, to: 40 } } } });
  });

  it("after the opening, makes version 2 for new dossiers while a dossier already started keeps version 1", async () => {
    const manager = await programmeManager(testDb);
    const { id } = await insertCampaign(testDb);
    const { waveId } = await createWave(manager, id, waveForm(), null, WAVE_FORM_CREATED_AT);
    const first = await establishmentWithDirector(testDb, { categoryCode: "500" });
    const second = await establishmentWithDirector(testDb, { categoryCode: "355" });
    const started = await startApplication(first.director, { waveId, establishmentId: first.establishment.id }, null, afterOpening);

    const outcome = await changeWaveGrid(manager, waveId, { ...grid(40), expectedVersion: 1 }, null, afterOpening);
    expect(outcome).toEqual({
      outcome: "NEW_VERSION",
      versionNumber: 2,
      previousVersionNumber: 1,
      dossiersKeepingPrevious: 1,
      waveVersion: 2,
    });
    const [v1, v2] = await versionsOf(waveId);
    expect(v1?.criteria[0]).toEqual({ code: "C1", weight: 30 });
    expect(v1?.frozenAt).not.toBeNull();
    expect(v2?.criteria[0]).toEqual({ code: "C1", weight: 40 });

    const later = await startApplication(second.director, { waveId, establishmentId: second.establishment.id }, null, afterOpening);
    const dossiers = await testDb.application.findMany({
      where: { waveId },
      select: { id: true, waveVersion: { select: { number: true } } },
    });
    expect(Object.fromEntries(dossiers.map((dossier) => [dossier.id, dossier.waveVersion.number]))).toEqual({
      [started.applicationId]: 1,
      [later.applicationId]: 2,
    });
    const audit = await auditOf(waveId);
    expect(audit.at(-1)).toMatchObject({
      action: "wave.version_created",
      details: {
        versionNumber: 2,
        previousVersionNumber: 1,
        because: "WAVE_OPENED",
        dossiersKeepingPrevious: 1,
        criteriaChanged: { C1: { weight: { from: 30, to: 40 } } },
      },
    });
  });

  it("refuses a change made on a stale form, and changes nothing for the same grid", async () => {
    const manager = await programmeManager(testDb);
    const { id } = await insertCampaign(testDb);
    const { waveId } = await createWave(manager, id, waveForm(), null, WAVE_FORM_CREATED_AT);
    await changeWaveGrid(manager, waveId, { ...grid(40), expectedVersion: 1 }, null, afterOpening);
    await expect(changeWaveGrid(manager, waveId, { ...grid(50), expectedVersion: 1 }, null, afterOpening)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // The wave's version, unchanged, is given back for the form's next save.
    expect(await changeWaveGrid(manager, waveId, { ...grid(40), expectedVersion: 2 }, null, afterOpening)).toEqual({
      outcome: "UNCHANGED",
      versionNumber: 2,
      waveVersion: 2,
    });
    expect(await testDb.wave.findUniqueOrThrow({ where: { id: waveId }, select: { version: true } })).toEqual({ version: 2 });
    expect(await versionsOf(waveId)).toHaveLength(2);
  });

  it("refuses to give a code an earlier version used to another objective, and lets a draft version retitle its own", async () => {
    const manager = await programmeManager(testDb);
    const { id } = await insertCampaign(testDb);
    const { waveId } = await createWave(manager, id, waveForm(), null, WAVE_FORM_CREATED_AT);
    const [o1, o2, o3, o4] = DEFAULT_OBJECTIVES;
    const withObjectives = (objectives: Array<typeof o1>) => ({
      ...grid(30),
      objectives: objectives.map((objective) => ({ ...objective! })),
    });
    const strongAuth = { ...o4!, title: "Authentification forte des professionnels externes" };
    // Before the opening, version 1 is a draft: its own objectives may be retitled.
    await changeWaveGrid(manager, waveId, { ...withObjectives([o1, o2, o3, strongAuth]), expectedVersion: 1 }, null, beforeOpening);
    // After the opening, version 2 drops O4…
    expect(
      await changeWaveGrid(manager, waveId, { ...withObjectives([o1, o2, o3]), expectedVersion: 2 }, null, afterOpening),
    ).toMatchObject({
      outcome: "NEW_VERSION",
      versionNumber: 2,
    });
    // …and version 3 may not give its code to another objective, nor version 2 be retitled.
    const federation = { ...o4!, title: "Fédération d'identité avec Pro Santé Connect" };
    const message =
      "Le code O4 désigne déjà, dans la version 1 de cette vague, l'objectif « Authentification forte des professionnels externes » : choisissez un autre code.";
    await expect(
      changeWaveGrid(manager, waveId, { ...withObjectives([o1, o2, o3, federation]), expectedVersion: 3 }, null, afterOpening),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message, fieldErrors: { "objectives.3.code": [message] } });
    await expect(
      changeWaveGrid(
        manager,
        waveId,
        { ...withObjectives([o1, { ...o2!, title: "Autre objectif" }, o3]), expectedVersion: 3 },
        null,
        afterOpening,
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { "objectives.1.code": [expect.stringContaining("version 1")] } });
    expect(await versionsOf(waveId)).toHaveLength(2);
    expect(await testDb.wave.findUniqueOrThrow({ where: { id: waveId }, select: { version: true } })).toEqual({ version: 3 });

    // The objective itself may come back under its code, or the other one under a new code.
    const outcome = await changeWaveGrid(
      manager,
      waveId,
      { ...withObjectives([o1, o2, o3, { ...strongAuth, description: "Précisée." }, { ...federation, code: "O8" }]), expectedVersion: 3 },
      null,
      afterOpening,
    );
    expect(outcome).toMatchObject({ outcome: "NEW_VERSION", versionNumber: 3 });
  });

  it("keeps dates, envelope and eligibility editable after the opening, audited, but not the opening itself", async () => {
    const manager = await programmeManager(testDb);
    const { id } = await insertCampaign(testDb);
    const { waveId } = await createWave(manager, id, waveForm(), null, WAVE_FORM_CREATED_AT);
    const form = waveForm();

    const result = await updateWaveSettings(
      manager,
      waveId,
      { ...form, closesAt: "2027-04-15T12:00", fundingEnvelope: "30 000 000", eligibleCategoryCodes: ["500", "202"], expectedVersion: 1 },
      null,
      afterOpening,
    );
    expect(result.changed).toEqual(["closesAt", "fundingEnvelopeCents", "eligibleCategoryCodes"]);
    const wave = await testDb.wave.findUniqueOrThrow({
      where: { id: waveId },
      select: { closesAt: true, version: true, eligibleCategories: { select: { categoryCode: true } } },
    });
    expect(wave.closesAt.toISOString()).toBe("2027-04-15T10:00:00.000Z");
    expect(wave.version).toBe(2);
    expect(wave.eligibleCategories.map((row) => row.categoryCode).sort()).toEqual(["202", "500"]);
    expect((await auditOf(waveId)).at(-1)).toMatchObject({
      action: "wave.settings_changed",
      details: {
        changes: {
          closesAt: { from: "2027-03-31T21:59:00.000Z", to: "2027-04-15T10:00:00.000Z" },
          fundingEnvelopeCents: { from: "2500000000", to: "3000000000" },
          eligibleCategoryCodes: { from: ["355", "500"], to: ["202", "500"] },
        },
      },
    });

    await expect(
      updateWaveSettings(manager, waveId, { ...form, opensAt: "2027-01-11T09:00", expectedVersion: 2 }, null, afterOpening),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { opensAt: [expect.stringContaining("ne peut plus être modifiée")] } });
    await expect(updateWaveSettings(manager, waveId, { ...form, expectedVersion: 1 }, null, afterOpening)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("refuses a closing moved into the past, even before the opening, and lets an open wave close early, ahead", async () => {
    const manager = await programmeManager(testDb);
    const { id } = await insertCampaign(testDb);
    const { waveId } = await createWave(manager, id, waveForm(), null, WAVE_FORM_CREATED_AT);
    const form = waveForm();

    // « À venir » (10 January – 31 March 2027), moved to January 2026: it would be closed without ever opening.
    await expect(
      updateWaveSettings(
        manager,
        waveId,
        { ...form, year: 2026, opensAt: "2026-01-10T09:00", closesAt: "2026-02-01T23:59", expectedVersion: 1 },
        null,
        beforeOpening,
      ),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: {
        closesAt: ["Cette date de clôture est déjà passée : choisissez une date à venir, même pour clore la vague plus tôt."],
      },
    });
    expect((await testDb.wave.findUniqueOrThrow({ where: { id: waveId } })).closesAt).toEqual(parisDateTime("2027-03-31T23:59"));

    const early = await updateWaveSettings(
      manager,
      waveId,
      { ...form, closesAt: "2027-01-10T23:59", expectedVersion: 1 },
      null,
      afterOpening,
    );
    expect(early.changed).toEqual(["closesAt"]);
    // Closed, its envelope still changes with the closing as it was.
    const closed = await updateWaveSettings(
      manager,
      waveId,
      { ...form, closesAt: "2027-01-10T23:59", fundingEnvelope: "26 000 000", expectedVersion: 2 },
      null,
      parisDateTime("2027-02-01T10:00"),
    );
    expect(closed.changed).toEqual(["fundingEnvelopeCents"]);
  });

  it("refuses an envelope below what the published decisions grant, naming that amount", async () => {
    const manager = await programmeManager(testDb);
    const { wave } = await createSelectedDossier(testDb, { amountGrantedCents: 1_787_000_00n });
    // Dates to the minute, as the form writes them back.
    await testDb.wave.update({
      where: { id: wave.waveId },
      data: {
        fundingEnvelopeCents: 2_000_000_00n,
        opensAt: new Date("2026-01-05T08:00:00Z"),
        closesAt: new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 1)),
      },
    });
    const stored = ZWaveSettingsInput.parse(waveSettingsFormValues(await getWaveConfiguration(manager, wave.waveId)));
    const save = async (fundingEnvelope: string) => {
      const { version } = await testDb.wave.findUniqueOrThrow({ where: { id: wave.waveId }, select: { version: true } });
      return updateWaveSettings(manager, wave.waveId, { ...stored, fundingEnvelope, expectedVersion: version });
    };

    const refusal = await save("1 000 000").catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { fundingEnvelope: [expect.any(String)] } });
    expect((refusal as Error).message.replace(/[\u202f\u00a0]/g, " ")).toBe(
      "Les décisions publiées de la vague accordent déjà 1 787 000 € : l'enveloppe ne peut pas être inférieure à ce montant.",
    );
    expect((await testDb.wave.findUniqueOrThrow({ where: { id: wave.waveId } })).fundingEnvelopeCents).not.toBe(1_000_000_00n);

    expect((await save("1 787 000")).changed).toEqual(["fundingEnvelopeCents"]);
  });

  it("refuses to untick a category the wave already has dossiers from, and lets go of one it has none from", async () => {
    const manager = await programmeManager(testDb);
    const { wave, id: applicationId } = await createSelectedDossier(testDb, { amountGrantedCents: 100_000_00n });
    const { establishment } = await testDb.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: { establishment: { select: { category: { select: { code: true, label: true } } } } },
    });
    const other = await testDb.establishmentCategory.findFirstOrThrow({ where: { code: { not: establishment.category.code } } });
    await testDb.waveEligibleCategory.createMany({
      data: [establishment.category.code, other.code].map((categoryCode) => ({ waveId: wave.waveId, categoryCode })),
      skipDuplicates: true,
    });
    await testDb.wave.update({
      where: { id: wave.waveId },
      data: { opensAt: new Date("2026-01-05T08:00:00Z"), closesAt: new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 1)) },
    });
    const stored = ZWaveSettingsInput.parse(waveSettingsFormValues(await getWaveConfiguration(manager, wave.waveId)));
    const save = async (eligibleCategoryCodes: string[]) => {
      const { version } = await testDb.wave.findUniqueOrThrow({ where: { id: wave.waveId }, select: { version: true } });
      return updateWaveSettings(manager, wave.waveId, { ...stored, eligibleCategoryCodes, expectedVersion: version });
    };

    const message = `Des établissements ont déjà des dossiers dans cette vague au titre de cette catégorie : « ${establishment.category.label} » (1 dossier). Elle ne peut plus être retirée des catégories éligibles.`;
    await expect(save([other.code])).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message,
      fieldErrors: { eligibleCategoryCodes: [message] },
    });
    expect((await save([establishment.category.code])).changed).toEqual(["eligibleCategoryCodes"]);
  });
});
