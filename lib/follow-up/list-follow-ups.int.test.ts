import { beforeEach, describe, expect, it } from "vitest";
import type { ReviewTiers } from "@/lib/db/generated/enums";
import { createReviewer, createSelectedDossier, directorOf, programmeManager } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { declareResults } from "./declare-results";
import { exportFollowUps } from "./export-follow-ups";
import { followUpRows, listFollowUps, ZFollowUpFilters } from "./list-follow-ups";
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

/** One selected dossier at every stage, through the real commands (the settled one's balance paid directly). */
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
  const settled = await selected("CH Evreux", "28");
  await declareResults(settled.director, settled.dossier.id, declaration());
  await recordVerificationStep(ans, settled.dossier.id, decideAll("approve"));
  await testDb.tranche.updateMany({
    where: { applicationId: settled.dossier.id, kind: "BALANCE" },
    data: { status: "PAID", orderedOn: LATER, paidOn: LATER, paymentReference: "MDT-9" },
  });
  const refused = await selected("CH Foix", "76");
  await declareResults(refused.director, refused.dossier.id, declaration());
  await recordVerificationStep(ans, refused.dossier.id, decideAll("refuse"));
  return { ans, pending, withArs, withAns, asked, validated, settled, refused };
}

const filters = (query: Record<string, string> = {}) => ZFollowUpFilters.parse(query);

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
    expect(list.summary.byRegion).toEqual([
      { regionCode: "28", count: 1 },
      { regionCode: "32", count: 1 },
      { regionCode: "75", count: 2 },
      { regionCode: "76", count: 2 },
      { regionCode: "94", count: 1 },
    ]);
  });

  it("pages the overdue checks and the others as one list", async () => {
    await board();
    const names = async (skip: number, take: number) => (await followUpRows(filters(), NOW, skip, take)).map((row) => row.establishment);
    expect(await names(1, 2)).toEqual(["CH Cahors", "CH Abbeville"]);
    expect(await names(3, 10)).toEqual(["CH Bayonne", "CH Dax", "CH Evreux", "CH Foix"]);
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
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "follow-ups.exported" } });
    expect(audit).toMatchObject({ actorId: manager.userId, ip: "192.0.2.1", details: { format: "csv", rows: 2 } });
  });
});
