import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_OBJECTIVES } from "@/lib/campaigns/programme-defaults";
import { resetDatabase, testDb } from "@/test/integration/database";
import { computeIndicators, projectIndicators } from "./indicators";
import {
  computeEstablishmentIndicators,
  computeIndicatorsForEstablishments,
  loadEstablishmentRoster,
  loadRosterOf,
  loadRosters,
} from "./establishment-indicators";
import type { EstablishmentContext } from "./model";
import { establishmentWithDirector, insertRoster, ROSTER_CASES, ROSTER_HOMOLOGATIONS } from "@/test/factories";

/** The loader hands the rules module what the DB-free tests give it: same figures, same lapses. */
describe("indicators loaded from the database", () => {
  beforeEach(resetDatabase);

  const context: EstablishmentContext = {
    homologations: Object.fromEntries(ROSTER_HOMOLOGATIONS.map((homologation) => [homologation.type, homologation.decidedAt])),
    idpFederatedWithPsc: true,
    usesAirSimplifie: false,
    entitlementProcedureAdoptedOn: null,
  };

  async function establishment() {
    const { establishment } = await establishmentWithDirector(testDb);
    await testDb.establishment.update({ where: { id: establishment.id }, data: { idpFederatedWithPsc: true } });
    const ids = await insertRoster(testDb, establishment.id);
    return { id: establishment.id, ids };
  }

  it("gives the same indicators as the rules on the same roster, on both sides of 2026-01-01 and later", async () => {
    const { id } = await establishment();
    for (const at of ["2025-12-31", "2026-01-01", "2026-11-29", "2027-02-01"]) {
      const loaded = await computeEstablishmentIndicators(testDb, id, at);
      expect(loaded).toEqual(computeIndicators({ professionals: ROSTER_CASES, establishment: context, at }));
    }
    // Not a comparison of two empty results: the roster's figures at one date, by hand.
    const figures = await computeEstablishmentIndicators(testDb, id, "2026-11-29");
    expect(figures?.overall.active).toBe(5);
    expect(figures?.overall.registered.count).toBe(3);
    expect(figures?.overall.identitySubstantial.count).toBe(4);
    expect(figures?.overall.rieCompliant.count).toBe(4);
    expect(figures?.overall.dmpReady.count).toBe(4);
    expect(Object.keys(figures?.byPopulation ?? {}).sort()).toEqual(["INTERN", "SALARIED", "SELF_EMPLOYED", "TEMPORARY"]);
    // While Etienne still works (to 2026-01-31): his e-CPS, without an RPPS number, counts for nothing.
    // Compliant and reaching the DMP: Arnaud (e-CPS), Bernard and Garnier (homologated local MIE, IdP
    // federated), Dupont (a CPS card, which needs no RPPS number); Chevalier's OTP has ended.
    const january = await computeEstablishmentIndicators(testDb, id, "2026-01-15");
    expect(january?.overall.active).toBe(6);
    expect(january?.overall.registered.count).toBe(3);
    expect(january?.overall.rieCompliant.count).toBe(4);
    expect(january?.overall.dmpReady.count).toBe(4);
  });

  it("keeps each professional's enrollments, dates and needs, and their ids for the lapses", async () => {
    const { id, ids } = await establishment();
    const roster = await loadEstablishmentRoster(testDb, id);
    expect(roster?.establishment).toEqual({
      homologations: { FIDO2_LOCAL: new Date("2025-01-15T00:00:00Z"), PLATFORM_AUTH: new Date("2025-04-01T00:00:00Z") },
      idpFederatedWithPsc: true,
      usesAirSimplifie: false,
      entitlementProcedureAdoptedOn: null,
    });
    const dupont = roster?.professionals.find((professional) => professional.id === ids[3]);
    expect(dupont).toMatchObject({
      rpps: null,
      rppsStatus: "REQUESTED",
      needsDmp: true,
      needsDpi: false,
      population: "INTERN",
      professionCode: "10",
      activityStart: new Date("2020-01-01T00:00:00Z"),
      activityEnd: null,
    });
    expect(dupont?.enrollments).toHaveLength(2);
    expect(dupont?.enrollments).toContainEqual({
      type: "CPS",
      enrolledAt: new Date("2022-01-01T00:00:00Z"),
      expiresAt: new Date("2026-12-01T00:00:00Z"),
      revokedAt: null,
    });

    const projection = projectIndicators({ ...roster!, today: "2026-11-29", target: "2027-02-01" });
    const expected = projectIndicators({
      professionals: ROSTER_CASES,
      establishment: context,
      today: "2026-11-29",
      target: "2027-02-01",
    });
    expect(projection.lapsing.map((lapse) => [lapse.professional.id, lapse.lost])).toEqual(
      expected.lapsing.map((lapse) => [ids[ROSTER_CASES.indexOf(lapse.professional)], lapse.lost]),
    );
    expect(projection.lapsing.length).toBeGreaterThan(0);
  });

  it("reads one roster in one query as `loadRosters` does", async () => {
    const { id } = await establishment();
    const roster = (await loadEstablishmentRoster(testDb, id))!;
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    const { professionals, ...rest } = await loadRosterOf(testDb, id);
    expect(rest).toEqual({ establishmentId: id });
    expect(professionals.toSorted(byId)).toEqual(roster.professionals.toSorted(byId));

    const { establishment: empty } = await establishmentWithDirector(testDb);
    expect(await loadRosterOf(testDb, empty.id)).toEqual({
      establishmentId: empty.id,
      professionals: [],
    });
  });

  it("reads the entitlement procedure from the establishment's own fact, never from its dossier's O1 self-assessment", async () => {
    const { id } = await establishment();
    const { establishment: other } = await establishmentWithDirector(testDb);
    const inForce = async (at: string) => {
      const alone = (await computeEstablishmentIndicators(testDb, id, at))?.objective1.entitlementProcedureDeclared;
      const batch = await loadRosters(testDb, [id, other.id]);
      expect(computeIndicators({ ...batch.get(id)!, at }).objective1.entitlementProcedureDeclared).toBe(alone);
      return alone;
    };
    const campaign = await testDb.campaign.create({ data: { slug: "c", title: "HospiConnect", description: "" } });
    const wave = await testDb.wave.create({
      data: {
        campaignId: campaign.id,
        kind: "GENERALISATION",
        title: "Vague",
        year: 2026,
        opensAt: new Date("2026-01-01"),
        closesAt: new Date("2026-12-31"),
        fundingEnvelopeCents: 0n,
        versions: {
          create: { number: 1, objectives: { create: DEFAULT_OBJECTIVES.map((objective, position) => ({ ...objective, position })) } },
        },
      },
      include: { versions: { include: { objectives: true } } },
    });
    const version = wave.versions[0]!;
    const o1 = version.objectives.find((objective) => objective.code === "O1")!;
    await testDb.application.create({
      data: {
        establishmentId: id,
        waveId: wave.id,
        waveVersionId: version.id,
        assessments: { create: { objectiveId: o1.id, status: "ACHIEVED" } },
      },
    });
    // O1 self-assessed « atteint » claims the whole objective, not the procedure: it is not read.
    expect(await inForce("2026-11-29")).toBe(false);

    await testDb.establishment.update({ where: { id }, data: { entitlementProcedureAdoptedOn: new Date("2026-03-01") } });
    expect((await loadEstablishmentRoster(testDb, id))?.establishment.entitlementProcedureAdoptedOn).toEqual(
      new Date("2026-03-01T00:00:00Z"),
    );
    expect(await inForce("2026-02-28")).toBe(false);
    expect(await inForce("2026-03-01")).toBe(true);
    expect((await loadRosters(testDb, [other.id])).get(other.id)?.establishment.entitlementProcedureAdoptedOn).toBeNull();
  });

  it("loads several establishments at once without mixing their rosters, batch by batch", async () => {
    const first = await establishment();
    const { establishment: other } = await establishmentWithDirector(testDb);
    await insertRoster(testDb, other.id, ROSTER_CASES.slice(0, 2), false);
    const { establishment: empty } = await establishmentWithDirector(testDb);
    const rosters = await loadRosters(testDb, [first.id, other.id, empty.id]);
    expect(rosters.get(first.id)?.professionals).toHaveLength(ROSTER_CASES.length);
    expect(rosters.get(other.id)?.professionals).toHaveLength(2);
    expect(rosters.get(other.id)?.establishment.homologations).toEqual({});
    expect(rosters.get(empty.id)?.professionals).toEqual([]);
    // A batch is read in four queries, one establishment in one statement: the same roster either way.
    expect(rosters.get(first.id)).toEqual(await loadEstablishmentRoster(testDb, first.id));
    expect(rosters.get(first.id)?.establishment.homologations).not.toEqual({});

    const seen = new Map<string, number>();
    await computeIndicatorsForEstablishments(
      testDb,
      [first.id, other.id, empty.id],
      "2026-11-29",
      (id, indicators) => seen.set(id, indicators.overall.active),
      3,
    );
    expect(seen).toEqual(
      new Map([
        [first.id, 5],
        [other.id, 2],
        [empty.id, 0],
      ]),
    );
  });

  it("works inside a transaction and sees its uncommitted rows", async () => {
    const { id } = await establishment();
    const active = await testDb
      .$transaction(async (tx) => {
        await tx.professional.create({
          data: {
            establishmentId: id,
            lastName: "Nouveau",
            firstName: "Test",
            population: "SALARIED",
            professionCode: "60",
            activityStart: new Date("2026-01-01"),
          },
        });
        const inside = (await computeEstablishmentIndicators(tx, id, "2026-11-29"))?.overall.active;
        throw Object.assign(new Error("rollback"), { inside });
      })
      .catch((error: { inside?: number }) => error.inside);
    expect(active).toBe(6);
    expect((await computeEstablishmentIndicators(testDb, id, "2026-11-29"))?.overall.active).toBe(5);
  });
});
