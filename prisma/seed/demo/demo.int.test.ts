import { beforeAll, describe, expect, it } from "vitest";
import { isValidFiness } from "@/lib/identifiers/finess";
import { isValidRpps } from "@/lib/identifiers/rpps";
import { isValidSiret } from "@/lib/identifiers/siret";
import { resetDatabase, testDb } from "@/test/integration/database";
import { loadDemoData } from "./index";

/** The demo a newcomer sees at first start: every kind of data the pages show. */
describe("demo data", () => {
  let loaded: { establishments: number; professionals: number };
  beforeAll(async () => {
    await resetDatabase();
    loaded = await loadDemoData(testDb, new Date("2026-11-29T09:00:00Z"));
  }, 120_000);

  it("has about 40 establishments and 2,000 professionals with MIE enrolments", async () => {
    expect(loaded.establishments).toBeGreaterThanOrEqual(35);
    expect(loaded.professionals).toBeGreaterThan(1500);
    expect(await testDb.mieEnrollment.count()).toBeGreaterThan(1000);
  });

  it("has dossiers in every state of the state machine", async () => {
    const states = await testDb.application.groupBy({ by: ["state"] });
    expect(states.map((row) => row.state).sort()).toEqual(
      ["DRAFT", "INFORMATION_REQUESTED", "REJECTED", "SCORED", "SELECTED", "SUBMITTED", "UNDER_REVIEW", "WITHDRAWN"].sort(),
    );
  });

  it("draws a rollout curve for each establishment: one point a month, rising overall", async () => {
    const snapshots = await testDb.indicatorSnapshot.findMany({ where: { reason: "DAILY" }, orderBy: { takenAt: "asc" } });
    const perEstablishment = new Map<string, typeof snapshots>();
    for (const snapshot of snapshots) perEstablishment.set(snapshot.establishmentId, [...(perEstablishment.get(snapshot.establishmentId) ?? []), snapshot]);
    expect(perEstablishment.size).toBe(loaded.establishments);
    for (const points of perEstablishment.values()) expect(points).toHaveLength(19);
    const total = (index: number) => [...perEstablishment.values()].reduce((sum, points) => sum + points[index]!.rieCompliant, 0);
    expect(total(18)).toBeGreaterThan(total(0));
  });

  it("holds only identifiers the forms accept: a dossier saved again must not fail on its own demo data", async () => {
    const establishments = await testDb.establishment.findMany({ select: { finessEt: true, finessEj: true, siret: true } });
    expect(establishments.flatMap((row) => [row.finessEt, row.finessEj]).filter((finess) => !isValidFiness(finess))).toEqual([]);
    const sirets = [...establishments.map((row) => row.siret), ...(await testDb.partner.findMany({ select: { siret: true } })).map((row) => row.siret)];
    expect(sirets.filter((siret): siret is string => siret !== null && !isValidSiret(siret))).toEqual([]);
    const rpps = (await testDb.professional.findMany({ where: { rpps: { not: null } }, select: { rpps: true } })).map((row) => row.rpps!);
    expect(rpps.filter((number) => !isValidRpps(number))).toEqual([]);
  });
});
