import { beforeEach, describe, expect, it } from "vitest";
import { extractPdfText } from "@/lib/applications/testing/pdf-text";
import { changeWaveGrid } from "@/lib/campaigns/change-wave-grid";
import { getWaveConfiguration } from "@/lib/campaigns/get-wave-configuration";
import { ZUpdateWaveGridInput } from "@/lib/campaigns/schemas";
import { waveGridFormValues } from "@/lib/campaigns/wave-form-values";
import {
  createSelectedDossier,
  createSubmittedDossier,
  createOpenWave,
  createUser,
  directorOf,
  programmeManager,
  ROSTER_CASES,
  type RosterCase,
} from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { declareResults } from "./declare-results";
import { getFollowUp } from "./get-follow-up";
import { loadDeclaration } from "./load-declaration";
import { readDeclarationPdf } from "./read-declaration-pdf";
import { ZFollowUpSettingsInput } from "./settings-schema";
import { followUpFormValues } from "./settings-form-values";
import { updateFollowUpSettings } from "./update-follow-up-settings";

/** A registered professional with an e-CPS who needs the DMP, and one who needs the DPI and has no MIE. */
const ROSTER: RosterCase[] = [
  ROSTER_CASES[0]!,
  { ...ROSTER_CASES[0]!, lastName: "Sansmie", rpps: null, rppsStatus: "NOT_REGISTERED", needsDmp: false, needsDpi: true, enrollments: [] },
];
const TARGETS = [
  { objectiveCode: "O1", indicator: "REGISTERED" as const, thresholdPercent: 100, dueDate: "2099-06-30" },
  { objectiveCode: "O2", indicator: "RIE_COMPLIANT_AMONG_CONCERNED" as const, thresholdPercent: 50, dueDate: "2099-06-30" },
];
const NOW = new Date("2026-12-02T10:00:00Z");

const declaration = (codes: readonly string[]) => ({
  objectives: codes.map((objectiveCode) => ({ objectiveCode, achieved: objectiveCode !== "O1", comment: `Résultat de ${objectiveCode}.` })),
  ip: null,
  now: NOW,
});

describe("follow-up of a selected dossier", () => {
  beforeEach(resetDatabase);

  it("shows each target against today's roster, who lacks what, and the tranches that add up to the grant", async () => {
    const dossier = await createSelectedDossier(testDb, {
      targets: TARGETS,
      roster: ROSTER,
      amountGrantedCents: 1_000_001n,
      advanceSharePercent: 30,
    });
    const followUp = await getFollowUp(await directorOf(testDb, dossier.establishment.id), dossier.id, NOW);
    const [o1, o2, o3] = followUp.objectives;
    expect(o1).toMatchObject({
      code: "O1",
      met: false,
      targets: [{ indicator: "REGISTERED", figure: { count: 1, of: 2 }, met: false, shortBy: 1 }],
    });
    expect(o1!.targets[0]!.holdingBack).toMatchObject({
      count: 1,
      named: [{ name: "Sansmie Test", gaps: [{ code: "RPPS_NOT_REGISTERED", message: "Non enregistré au RPPS" }] }],
    });
    expect(o2).toMatchObject({ code: "O2", met: true, targets: [{ figure: { count: 1, of: 2 }, met: true, holdingBack: null }] });
    expect(o3).toMatchObject({ met: null, targets: [] });
    expect(followUp.tranches).toMatchObject([
      { kind: "ADVANCE", amountCents: 300_000n, status: "DUE" },
      { kind: "BALANCE", amountCents: 700_001n, status: "PLANNED" },
    ]);
    expect(followUp.canDeclare).toBe(true);
  });

  it("freezes the roster's figures in the declaration, pre-checks each objective from them, stores its PDF and audits it; later roster changes alter nothing", async () => {
    const dossier = await createSelectedDossier(testDb, { targets: TARGETS, roster: ROSTER });
    const director = await directorOf(testDb, dossier.establishment.id);
    const objectives = dossier.wave.objectives.map((objective) => objective.code);
    const { declarationId, pdfHash } = await declareResults(director, dossier.id, declaration(objectives));

    const stored = await testDb.resultDeclaration.findUniqueOrThrow({
      where: { id: declarationId },
      select: {
        pdfHash: true,
        snapshot: { select: { reason: true, applicationId: true, active: true, rieCompliant: true, registered: true } },
      },
    });
    expect(stored).toEqual({
      pdfHash,
      snapshot: { reason: "DECLARATION", applicationId: dossier.id, active: 2, rieCompliant: 1, registered: 1 },
    });
    const declared = await loadDeclaration(testDb, dossier.id);
    expect(
      declared!.objectives
        .map(({ objectiveCode, achieved, precheckMet }) => ({ objectiveCode, achieved, precheckMet }))
        .sort((a, b) => a.objectiveCode.localeCompare(b.objectiveCode)),
    ).toEqual([
      { objectiveCode: "O1", achieved: false, precheckMet: false },
      { objectiveCode: "O2", achieved: true, precheckMet: true },
      { objectiveCode: "O3", achieved: true, precheckMet: null },
      { objectiveCode: "O4", achieved: true, precheckMet: null },
    ]);
    const audit = await testDb.auditEvent.findFirstOrThrow({
      where: { action: "follow_up.results_declared", targetId: dossier.id },
      select: { actorId: true, details: true },
    });
    expect(audit).toMatchObject({ actorId: director.userId, details: { declarationId, pdfHash } });

    // Everyone who reads the dossier reads the PDF, which prints its hash and the pre-check.
    const pdf = await readDeclarationPdf(await programmeManager(testDb), dossier.id);
    const text = extractPdfText(pdf.bytes).join(" ");
    expect(text).toContain(pdfHash);
    expect(text).toContain("Cibles non atteintes");

    // The missing professional enrols and registers: today's figures move, the declaration does not.
    await testDb.professional.updateMany({
      where: { establishmentId: dossier.establishment.id, lastName: "Sansmie" },
      data: { rppsStatus: "REGISTERED", rpps: ROSTER_CASES[1]!.rpps },
    });
    const later = await getFollowUp(director, dossier.id, NOW);
    expect(later.objectives[0]).toMatchObject({ code: "O1", met: true });
    expect(later.declaration!.figures.registered).toMatchObject({ count: 1, of: 2 });
    expect(later.declaration!.objectives.find((objective) => objective.objectiveCode === "O1")).toMatchObject({
      precheckMet: false,
      precheck: [{ figure: { count: 1, of: 2 }, met: false }],
    });
    expect(later.canDeclare).toBe(false);

    // A second declaration is refused, and leaves no second snapshot.
    await expect(declareResults(director, dossier.id, declaration(objectives))).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await testDb.indicatorSnapshot.count({ where: { applicationId: dossier.id, reason: "DECLARATION" } })).toBe(1);
  });

  it("is refused before selection, to anyone but the director, and without every objective", async () => {
    const wave = await createOpenWave(testDb);
    const submitted = await createSubmittedDossier(testDb, wave);
    await expect(
      declareResults(await directorOf(testDb, submitted.establishment.id), submitted.id, declaration(["O1", "O2", "O3", "O4"])),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });

    const dossier = await createSelectedDossier(testDb, { targets: TARGETS, roster: ROSTER });
    const director = await directorOf(testDb, dossier.establishment.id);
    const editor = await createUser(testDb, { establishmentId: dossier.establishment.id, membershipRole: "EDITOR" });
    await expect(declareResults(editor.viewer, dossier.id, declaration(["O1", "O2", "O3", "O4"]))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(declareResults(await programmeManager(testDb), dossier.id, declaration(["O1", "O2", "O3", "O4"]))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(declareResults(director, dossier.id, declaration(["O1", "O2"]))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await testDb.resultDeclaration.count()).toBe(0);
    expect(await testDb.indicatorSnapshot.count({ where: { reason: "DECLARATION" } })).toBe(0);
  });

  it("replaces the wave's targets and advance share under its version, refuses an unknown objective, audits before and after", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createOpenWave(testDb);
    const input = (targets: unknown[], expectedVersion: number) => ({
      ...ZFollowUpSettingsInput.parse({ advanceSharePercent: "40", targets, expectedVersion }),
      ip: null,
    });
    const target = { objectiveCode: "O2", indicator: "RIE_COMPLIANT_AMONG_CONCERNED", thresholdPercent: "90", dueDate: "2099-06-30" };

    await expect(updateFollowUpSettings(manager, wave.waveId, input([{ ...target, objectiveCode: "O9" }], 1))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "targets.0.objectiveCode": [expect.any(String)] },
    });
    await updateFollowUpSettings(manager, wave.waveId, input([target], 1));
    await expect(updateFollowUpSettings(manager, wave.waveId, input([], 1))).rejects.toMatchObject({ code: "CONFLICT" });
    await updateFollowUpSettings(manager, wave.waveId, input([{ ...target, thresholdPercent: "95" }], 2));

    const stored = await testDb.wave.findUniqueOrThrow({
      where: { id: wave.waveId },
      select: {
        version: true,
        advanceSharePercent: true,
        objectiveTargets: { select: { objectiveCode: true, thresholdPercent: true, dueDate: true } },
      },
    });
    expect(stored).toEqual({
      version: 3,
      advanceSharePercent: 40,
      objectiveTargets: [{ objectiveCode: "O2", thresholdPercent: 95, dueDate: new Date("2099-06-30T00:00:00Z") }],
    });
    const audits = await testDb.auditEvent.findMany({
      where: { action: "wave.follow_up_settings_changed", targetId: wave.waveId },
      orderBy: { at: "asc" },
      select: { details: true },
    });
    expect(audits).toHaveLength(2);
    expect(audits[1]!.details).toMatchObject({
      targets: { from: [{ objectiveCode: "O2", thresholdPercent: 90, dueDate: "2099-06-30" }], to: [{ thresholdPercent: 95 }] },
    });
    await expect(
      updateFollowUpSettings(
        await directorOf(testDb, (await createSubmittedDossier(testDb, wave)).establishment.id),
        wave.waveId,
        input([], 3),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps a target on an objective a new version removed: the form lists it and saves it again, for the dossiers still on the old version", async () => {
    const manager = await programmeManager(testDb);
    const dossier = await createSelectedDossier(testDb, { roster: ROSTER });
    const waveId = dossier.wave.waveId;
    const o4 = { objectiveCode: "O4", indicator: "REGISTERED", thresholdPercent: "80", dueDate: "2099-06-30" };
    const settings = async () => followUpFormValues(await getWaveConfiguration(manager, waveId));
    const save = async (values: unknown) => updateFollowUpSettings(manager, waveId, { ...ZFollowUpSettingsInput.parse(values), ip: null });
    await save({ ...(await settings()), targets: [o4] });

    // Version 2 without O4, as the grid form sends it; the dossier keeps version 1.
    const grid = waveGridFormValues(await getWaveConfiguration(manager, waveId));
    const withoutO4 = ZUpdateWaveGridInput.parse({
      objectives: grid.objectives.filter((objective) => objective.code !== "O4"),
      criteria: grid.criteria.map((criterion) => ({
        ...criterion,
        objectiveCodes: criterion.objectiveCodes?.filter((code) => code !== "O4"),
      })),
      expectedVersion: (await settings()).expectedVersion,
    });
    expect(await changeWaveGrid(manager, waveId, withoutO4)).toMatchObject({ outcome: "NEW_VERSION", versionNumber: 2 });

    const wave = await getWaveConfiguration(manager, waveId);
    expect(wave.targetObjectives.map(({ code, versions }) => ({ code, versions }))).toEqual([
      { code: "O1", versions: [1, 2] },
      { code: "O2", versions: [1, 2] },
      { code: "O3", versions: [1, 2] },
      { code: "O4", versions: [1] },
    ]);
    // Saved untouched, then with the advance changed: the O4 target stays.
    await save(await settings());
    await save({ ...(await settings()), advanceSharePercent: "25" });
    expect(await testDb.objectiveTarget.findMany({ where: { waveId }, select: { objectiveCode: true, thresholdPercent: true } })).toEqual([
      { objectiveCode: "O4", thresholdPercent: 80 },
    ]);
    const followUp = await getFollowUp(await directorOf(testDb, dossier.establishment.id), dossier.id, NOW);
    expect(followUp.objectives.find((objective) => objective.code === "O4")).toMatchObject({
      met: false,
      targets: [{ indicator: "REGISTERED", thresholdPercent: 80 }],
    });
    // Removed, it can be set again; an objective no version holds cannot.
    await save({ ...(await settings()), targets: [] });
    await save({ ...(await settings()), targets: [o4] });
    await expect(save({ ...(await settings()), targets: [{ ...o4, objectiveCode: "O9" }] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "targets.0.objectiveCode": ["Cet objectif n'existe dans aucune version de la grille de la vague."] },
    });
  });

  it("refuses a due date on or before the wave's closing day, unless a stored target is re-sent with it unchanged", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createOpenWave(testDb);
    const closesAt = new Date("2027-03-31T21:59:00Z");
    await testDb.wave.update({ where: { id: wave.waveId }, data: { closesAt, advanceSharePercent: 30 } });
    const settings = async () => followUpFormValues(await getWaveConfiguration(manager, wave.waveId));
    const save = async (values: unknown) =>
      updateFollowUpSettings(manager, wave.waveId, { ...ZFollowUpSettingsInput.parse(values), ip: null });
    const target = { objectiveCode: "O1", indicator: "REGISTERED", thresholdPercent: "90", dueDate: "2027-04-01" };

    for (const dueDate of ["2019-01-01", "2010-06-01", "2027-03-31"]) {
      await expect(
        save({ ...(await settings()), targets: [target, { ...target, indicator: "IDENTITY_SUBSTANTIAL", dueDate }] }),
      ).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { "targets.1.dueDate": ["Indiquez une date postérieure à la clôture de la vague (le 31 mars 2027)."] },
      });
    }
    await save({ ...(await settings()), targets: [target] });
    expect(await testDb.objectiveTarget.count({ where: { waveId: wave.waveId } })).toBe(1);

    // The closing moves past the target's date: saving the form untouched still works; changing the date does not.
    await testDb.wave.update({ where: { id: wave.waveId }, data: { closesAt: new Date("2027-05-31T21:59:00Z") } });
    await save({ ...(await settings()), advanceSharePercent: "20" });
    expect(await testDb.objectiveTarget.findMany({ where: { waveId: wave.waveId }, select: { dueDate: true } })).toEqual([
      { dueDate: new Date("2027-04-01T00:00:00Z") },
    ]);
    await expect(save({ ...(await settings()), targets: [{ ...target, dueDate: "2027-04-02" }] })).rejects.toMatchObject({
      fieldErrors: { "targets.0.dueDate": [expect.stringContaining("31 mai 2027")] },
    });
  });
});
