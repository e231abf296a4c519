import { beforeEach, describe, expect, it } from "vitest";
import type { ReviewTiers } from "@/lib/db/generated/enums";
import { ZDashboardFilters } from "@/lib/dashboard/filters";
import { loadFollowUpFunnel } from "@/lib/dashboard/follow-up-funnel";
import {
  createOpenWave,
  createReviewer,
  createSelectedDossier,
  createSubmittedDossier,
  directorOf,
  programmeManager,
} from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { compareRegionNames, regionName } from "@/lib/establishments/territories";
import { declareResults } from "./declare-results";
import { exportFollowUps, followUpExportPages } from "./export-follow-ups";
import { FOLLOW_UP_STAGES } from "./follow-up-stage";
import { type FollowUpRow, followUpRows, listFollowUps, type TFollowUpFilters, ZFollowUpFilters } from "./list-follow-ups";
import { recordVerificationStep } from "./record-verification-step";

const DECLARED = new Date("2026-12-02T10:00:00Z");
const LATER = new Date("2026-12-05T10:00:00Z");
/** 40 days after the declarations: a check due 30 days after one is overdue. */
const NOW = new Date("2027-01-11T10:00:00Z");
const CODES = ["O1", "O2", "O3", "O4"];
const declaration = (now = DECLARED) => ({
  objectives: CODES.map((objectiveCode) => ({ objectiveCode, achieved: true, comment: `Résultat de ${objectiveCode}.` })),
  ip: null,
  now,
});
const decideAll = (decision: "approve" | "refuse") => ({
  step: "decide" as const,
  version: 1,
  objectives: CODES.map((objectiveCode) => ({ objectiveCode, decision, reason: decision === "refuse" ? "Non démontré." : "" })),
  ip: null,
  now: LATER,
});

/** One selected dossier at every stage, through the real commands (tranches paid directly). */
async function board() {
  const ans = await createReviewer(testDb, { name: "Nadia ANS" });
  const selected = async (name: string, regionCode: string, reviewTiers: ReviewTiers = "NATIONAL_ONLY") => {
    const dossier = await createSelectedDossier(testDb, { name, regionCode, reviewTiers });
    return { dossier, director: await directorOf(testDb, dossier.establishment.id) };
  };
  const pending = await selected("CH Abbeville", "32");
  const withArs = await selected("CH Zonza", "94", "REGIONAL_THEN_NATIONAL");
  await declareResults(withArs.director, withArs.dossier.id, declaration());
  const withAns = await selected("CH Bayonne", "75");
  await declareResults(withAns.director, withAns.dossier.id, declaration(new Date("2026-12-20T10:00:00Z")));
  const asked = await selected("CH Cahors", "76");
  await declareResults(asked.director, asked.dossier.id, declaration());
  await recordVerificationStep(ans, asked.dossier.id, {
    step: "requestInformation",
    version: 1,
    message: "Joignez la liste des e-CPS.",
    responseDueOn: "2027-01-05",
    ip: null,
    now: LATER,
  });
  const validated = await selected("CH Dax", "75");
  await declareResults(validated.director, validated.dossier.id, declaration());
  await recordVerificationStep(ans, validated.dossier.id, decideAll("approve"));
  const paid = { status: "PAID" as const, orderedOn: LATER, paidOn: LATER, paymentReference: "MDT-9" };
  // Its balance paid but not its advance: money is still owed, the grant is not settled.
  await testDb.tranche.updateMany({ where: { applicationId: validated.dossier.id, kind: "BALANCE" }, data: paid });
  const settled = await selected("CH Evreux", "28");
  await declareResults(settled.director, settled.dossier.id, declaration());
  await recordVerificationStep(ans, settled.dossier.id, decideAll("approve"));
  await testDb.tranche.updateMany({ where: { applicationId: settled.dossier.id }, data: paid });
  const refused = await selected("CH Foix", "76");
  await declareResults(refused.director, refused.dossier.id, declaration());
  await recordVerificationStep(ans, refused.dossier.id, decideAll("refuse"));
  return { ans, pending, withArs, withAns, asked, validated, settled, refused };
}

const filters = (query: Record<string, string> = {}) => ZFollowUpFilters.parse(query);

/** Every row of the board under `filters`, each with its stage derived by `followUpStage`. */
const allRows = (query: TFollowUpFilters) => followUpRows(query, NOW, 0, 1_000);
const tally = <Key extends string>(rows: readonly FollowUpRow[], key: (row: FollowUpRow) => Key) => {
  const counts = new Map<Key, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
};

describe("the follow-up board", () => {
  beforeEach(resetDatabase);

  it("lists every selected dossier with its stage, the overdue checks first (the most overdue leading), then by establishment; counts per stage and region", async () => {
    await board();
    const manager = await programmeManager(testDb);
    const list = await listFollowUps(manager, filters(), NOW);
    expect(list.total).toBe(7);
    expect(list.rows.map((row) => [row.establishment, row.stage, row.heldBy, row.overdue])).toEqual([
      ["CH Zonza", "WITH_ARS", "REGIONAL", true],
      ["CH Cahors", "INFORMATION_REQUESTED", "NATIONAL", true],
      ["CH Abbeville", "DECLARATION_PENDING", null, false],
      ["CH Bayonne", "WITH_ANS", "NATIONAL", false],
      ["CH Dax", "VALIDATED", null, false],
      ["CH Evreux", "SETTLED", null, false],
      ["CH Foix", "REFUSED", null, false],
    ]);
    expect(list.summary.byStage).toEqual([
      { stage: "DECLARATION_PENDING", count: 1 },
      { stage: "WITH_ARS", count: 1 },
      { stage: "WITH_ANS", count: 1 },
      { stage: "INFORMATION_REQUESTED", count: 1 },
      { stage: "VALIDATED", count: 1 },
      { stage: "SETTLED", count: 1 },
      { stage: "REFUSED", count: 1 },
    ]);
    // By the regions' names: Corse, Hauts-de-France, Normandie, Nouvelle-Aquitaine, Occitanie.
    expect(list.summary.byRegion).toEqual([
      { regionCode: "94", count: 1 },
      { regionCode: "32", count: 1 },
      { regionCode: "28", count: 1 },
      { regionCode: "75", count: 2 },
      { regionCode: "76", count: 2 },
    ]);
  });

  it("pages the overdue checks and the others as one list", async () => {
    await board();
    const names = async (skip: number, take: number) => (await followUpRows(filters(), NOW, skip, take)).map((row) => row.establishment);
    expect(await names(1, 2)).toEqual(["CH Cahors", "CH Abbeville"]);
    expect(await names(3, 10)).toEqual(["CH Bayonne", "CH Dax", "CH Evreux", "CH Foix"]);
  });

  it("sorts by region in the French order of their names, both ways, paged and exported in that order", async () => {
    await board();
    const byName = ["Corse", "Hauts-de-France", "Normandie", "Nouvelle-Aquitaine", "Nouvelle-Aquitaine", "Occitanie", "Occitanie"];
    const regions = async (dir: string) => (await allRows(filters({ sort: "region", dir }))).map((row) => regionName(row.regionCode));
    expect(await regions("asc")).toEqual(byName);
    expect(await regions("desc")).toEqual(byName.toReversed());
    const names = async (skip: number, take: number) =>
      (await followUpRows(filters({ sort: "region" }), NOW, skip, take)).map((row) => row.establishment);
    expect(await names(2, 3)).toEqual(["CH Evreux", "CH Bayonne", "CH Dax"]);

    const manager = await programmeManager(testDb);
    const file = await exportFollowUps(manager, { ...filters({ sort: "region" }), format: "csv", ip: null }, NOW);
    const lines = (await new Response(file.stream).text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines.slice(1).map((line) => line.split(";")[3])).toEqual(byName);
  });

  it("exports each dossier that stays on the board once when dossiers move, leave or arrive while the file is written", async () => {
    const { withArs, refused } = await board();
    const listed = (await allRows(filters())).map((row) => row.establishment);
    const exported: string[] = [];
    for await (const page of followUpExportPages(filters(), NOW, 2)) {
      if (exported.length === 0) {
        // After the first page: its first check is no longer overdue (it moves behind the others),
        // one dossier leaves the board and another joins it.
        await testDb.resultVerification.updateMany({
          where: { declaration: { applicationId: withArs.dossier.id } },
          data: { dueAt: new Date("2027-02-01T10:00:00Z") },
        });
        await testDb.application.update({ where: { id: refused.dossier.id }, data: { state: "WITHDRAWN" } });
        await createSelectedDossier(testDb, { name: "CH Yvetot", regionCode: "28" });
      }
      exported.push(...page.map((cells) => `${cells[1]}`));
    }
    expect(listed).toEqual(["CH Zonza", "CH Cahors", "CH Abbeville", "CH Bayonne", "CH Dax", "CH Evreux", "CH Foix"]);
    expect(exported).toEqual(listed.filter((name) => name !== "CH Foix"));
  });

  it("filters by stage, region, tier holding it and overdue only; the counts follow the other filters", async () => {
    const { settled, withArs } = await board();
    const manager = await programmeManager(testDb);
    const ids = async (query: Record<string, string>) => (await listFollowUps(manager, filters(query), NOW)).rows.map((row) => row.id);
    expect(await ids({ stage: "SETTLED" })).toEqual([settled.dossier.id]);
    expect(await ids({ tier: "REGIONAL" })).toEqual([withArs.dossier.id]);
    expect((await listFollowUps(manager, filters({ overdue: "1" }), NOW)).rows.map((row) => row.establishment)).toEqual([
      "CH Zonza",
      "CH Cahors",
    ]);
    const inRegion = await listFollowUps(manager, filters({ region: "75", sort: "establishment", dir: "desc" }), NOW);
    expect(inRegion.rows.map((row) => row.establishment)).toEqual(["CH Dax", "CH Bayonne"]);
    expect(inRegion.summary.byStage.filter((entry) => entry.count > 0)).toEqual([
      { stage: "WITH_ANS", count: 1 },
      { stage: "VALIDATED", count: 1 },
    ]);
    const refused = await listFollowUps(manager, filters({ stage: "REFUSED" }), NOW);
    expect(refused.summary.byRegion).toEqual([{ regionCode: "76", count: 1 }]);
    // Before the due dates nothing is overdue.
    expect((await listFollowUps(manager, filters({ overdue: "1" }), DECLARED)).total).toBe(0);
  });

  it("counts with one grouped query exactly what the rows' stages (the pure rule) give, under every filter, like the dashboard's funnel", async () => {
    const { withAns } = await board();
    // A second dossier in some stages and regions; a dossier not selected is never counted.
    await board();
    await createSubmittedDossier(testDb, await createOpenWave(testDb), { regionCode: "75" });
    const manager = await programmeManager(testDb);
    const { waveId } = await testDb.application.findUniqueOrThrow({ where: { id: withAns.dossier.id }, select: { waveId: true } });
    const queries: Array<Record<string, string>> = [
      {},
      { region: "75" },
      { stage: "REFUSED" },
      { region: "76", stage: "INFORMATION_REQUESTED" },
      { tier: "NATIONAL" },
      { tier: "REGIONAL", region: "94" },
      { overdue: "1" },
      { overdue: "1", stage: "WITH_ARS" },
      { wave: waveId },
    ];
    for (const query of queries) {
      const chosen = filters(query);
      const { summary } = await listFollowUps(manager, chosen, NOW);
      const byStage = tally(await allRows({ ...chosen, stage: undefined }), (row) => row.stage);
      expect(summary.byStage, JSON.stringify(query)).toEqual(FOLLOW_UP_STAGES.map((stage) => ({ stage, count: byStage.get(stage) ?? 0 })));
      const inStage = (await allRows({ ...chosen, region: undefined, stage: undefined })).filter(
        (row) => !chosen.stage || row.stage === chosen.stage,
      );
      const byRegion = [...tally(inStage, (row) => row.regionCode)].map(([regionCode, count]) => ({ regionCode, count }));
      expect(summary.byRegion, JSON.stringify(query)).toEqual(byRegion.sort((a, b) => compareRegionNames(a.regionCode, b.regionCode)));
      // The rows' own stage filter keeps the rows whose derived stage is the one chosen.
      if (chosen.stage)
        expect((await allRows(chosen)).map((row) => row.id).sort()).toEqual(
          inStage
            .filter((row) => !chosen.region || row.regionCode === chosen.region)
            .map((row) => row.id)
            .sort(),
        );
    }
    expect((await listFollowUps(manager, filters(), NOW)).summary.byStage.every((entry) => entry.count === 2)).toBe(true);

    for (const region of [undefined, "75"]) {
      const funnel = await loadFollowUpFunnel(testDb, ZDashboardFilters.parse({ region }));
      const byStage = tally(await allRows(filters(region ? { region } : {})), (row) => row.stage);
      expect(funnel.map(({ stage, count }) => ({ stage, count }))).toEqual(
        FOLLOW_UP_STAGES.map((stage) => ({ stage, count: byStage.get(stage) ?? 0 })),
      );
    }
  });

  it("is for programme managers only; the export is audited and keeps the board's order", async () => {
    const { ans, pending } = await board();
    await expect(listFollowUps(ans, filters(), NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listFollowUps(pending.director, filters(), NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportFollowUps(ans, { ...filters(), format: "csv", ip: null }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const manager = await programmeManager(testDb);
    const file = await exportFollowUps(manager, { ...ZFollowUpFilters.parse({ overdue: "1" }), format: "csv", ip: "192.0.2.1" }, NOW);
    const text = await new Response(file.stream).text();
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain("Étape du suivi");
    expect(lines[1]).toContain("CH Zonza");
    expect(lines[2]).toContain("CH Cahors");
    expect(lines[2]).toContain("Informations demandées");
    expect(file.fileName).toBe("suivi-hospiconnect-2027-01-11.csv");
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "follow-ups.exported", actorId: manager.userId } });
    expect(audit).toMatchObject({ actorId: manager.userId, ip: "192.0.2.1", details: { format: "csv", rows: 2 } });
  });
});
