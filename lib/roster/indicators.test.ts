import { describe, expect, it } from "vitest";
import { withRppsKey } from "@/lib/identifiers/rpps";
import type { EstablishmentContext, ProfessionalFacts } from "./model";
import { evaluateProfessional } from "./compliance";
import { computeIndicators, projectIndicators } from "./indicators";

type Named = ProfessionalFacts & { id: string };

function person(id: string, overrides: Partial<ProfessionalFacts>): Named {
  return {
    id,
    rpps: withRppsKey(`10000000${id.charCodeAt(0)}`),
    rppsStatus: "REGISTERED",
    rppsCheckedAt: "2025-01-01",
    identityVerification: "FACE_TO_FACE",
    activityStart: "2020-01-01",
    activityEnd: null,
    needsDmp: true,
    needsDpi: false,
    needsPscServices: false,
    needsSecureMessaging: false,
    population: "SALARIED",
    professionCode: "60",
    enrollments: [{ type: "E_CPS", enrolledAt: "2024-01-01", expiresAt: null, revokedAt: null }],
    ...overrides,
  };
}

const roster: Named[] = [
  person("A", { rppsCheckedAt: "2024-05-01" }),
  person("B", {
    rpps: null,
    rppsStatus: "NOT_REGISTERED",
    identityVerification: "REMOTE_ID_SCAN",
    professionCode: "313",
    needsDmp: false,
    needsDpi: true,
    enrollments: [{ type: "OTP_SMS_EMAIL", enrolledAt: "2023-01-01", expiresAt: null, revokedAt: null }],
  }),
  person("C", {
    identityVerification: "FRANCECONNECT_PLUS",
    professionCode: "10",
    population: "SELF_EMPLOYED",
    enrollments: [{ type: "CPS", enrolledAt: "2023-06-01", expiresAt: "2026-06-01", revokedAt: null }],
  }),
  person("D", { professionCode: "313", population: "TEMPORARY", activityEnd: "2025-11-30" }),
  person("E", { identityVerification: "PVID_SUBSTANTIAL", professionCode: "326", needsDmp: false, enrollments: [] }),
  person("F", {
    population: "INTERN",
    activityStart: "2026-05-01",
    enrollments: [{ type: "E_CPS", enrolledAt: "2026-05-01", expiresAt: null, revokedAt: null }],
  }),
  person("G", { professionCode: "10", activityEnd: "2026-04-30" }),
];

const establishment: EstablishmentContext = {
  homologations: {},
  idpFederatedWithPsc: false,
  usesAirSimplifie: false,
  entitlementProcedureAdoptedOn: "2025-06-01",
};
const share = (count: number, of: number) => ({ count, of, share: of === 0 ? null : count / of });

describe("computeIndicators", () => {
  it("counts the professionals active at the date, with their denominators", () => {
    const result = computeIndicators({ professionals: roster, establishment, at: "2026-03-01" });
    expect(result.at).toBe("2026-03-01");
    expect(result.overall).toEqual({
      active: 5,
      registered: share(4, 5),
      identitySubstantial: share(4, 5),
      rieCompliant: share(3, 5),
      dmpReady: share(3, 5),
      rieCompliantAmongConcerned: share(3, 4),
      dmpReadyAmongNeedingDmp: share(3, 3),
    });
    expect(result.objective1).toEqual({
      met: false,
      registrationComplete: false,
      identityComplete: false,
      entitlementProcedureDeclared: true,
    });
    expect(result.objective2).toEqual({ met: false, concerned: 4, compliant: 3 });
  });

  it("breaks the figures down by profession and by population", () => {
    const result = computeIndicators({ professionals: roster, establishment, at: "2026-03-01" });
    expect(Object.keys(result.byProfession).sort()).toEqual(["10", "313", "326", "60"]);
    expect(result.byProfession["10"]?.rieCompliant).toEqual(share(2, 2));
    expect(result.byProfession["313"]?.registered).toEqual(share(0, 1));
    expect(result.byProfession["326"]?.rieCompliantAmongConcerned).toEqual(share(0, 0));
    expect(result.byPopulation).toEqual({
      SALARIED: expect.objectContaining({ active: 4, rieCompliant: share(2, 4) }),
      SELF_EMPLOYED: expect.objectContaining({ active: 1, dmpReady: share(1, 1) }),
    });
  });

  it("counts a transition MIE on 2025-12-31 and not on 2026-01-01", () => {
    const before = computeIndicators({ professionals: roster, establishment, at: "2025-12-31" });
    const after = computeIndicators({ professionals: roster, establishment, at: "2026-01-01" });
    expect(before.overall.rieCompliant).toEqual(share(4, 5));
    expect(before.objective2).toEqual({ met: true, concerned: 4, compliant: 4 });
    expect(after.overall.rieCompliant).toEqual(share(3, 5));
    expect(after.objective2.met).toBe(false);
  });

  it("meets both objectives when everyone is registered, verified and compliant, and the procedure is in force", () => {
    const good = [roster[0]!, roster[2]!, roster[6]!];
    const declared = computeIndicators({ professionals: good, establishment, at: "2026-03-01" });
    expect(declared.objective1.met).toBe(true);
    expect(declared.objective2.met).toBe(true);
    const undeclared = computeIndicators({
      professionals: good,
      establishment: { ...establishment, entitlementProcedureAdoptedOn: null },
      at: "2026-03-01",
    });
    expect(undeclared.objective1).toEqual({
      met: false,
      registrationComplete: true,
      identityComplete: true,
      entitlementProcedureDeclared: false,
    });
  });

  it("counts the entitlement procedure from the day the establishment adopted it, whatever its dossier says", () => {
    const good = [roster[0]!, roster[2]!, roster[6]!];
    const adoptedOn = (at: string) =>
      computeIndicators({ professionals: good, establishment: { ...establishment, entitlementProcedureAdoptedOn: "2026-03-01" }, at })
        .objective1;
    expect(adoptedOn("2026-02-28")).toMatchObject({ met: false, entitlementProcedureDeclared: false });
    expect(adoptedOn("2026-03-01")).toMatchObject({ met: true, entitlementProcedureDeclared: true });
    const ahead = projectIndicators({
      professionals: good,
      establishment: { ...establishment, entitlementProcedureAdoptedOn: "2026-03-01" },
      today: "2026-02-01",
      target: "2026-04-01",
    });
    expect([ahead.today.objective1.met, ahead.target.objective1.met]).toEqual([false, true]);
  });

  it("meets no objective and shows no share on an empty roster", () => {
    const result = computeIndicators({ professionals: [], establishment, at: "2026-03-01" });
    expect(result.overall.registered).toEqual({ count: 0, of: 0, share: null });
    expect(result.objective1.met).toBe(false);
    expect(result.objective2.met).toBe(false);
    expect(result.byProfession).toEqual({});
  });
});

describe("projectIndicators", () => {
  const projection = projectIndicators({
    professionals: roster,
    establishment,
    today: "2026-03-01",
    target: "2026-07-01",
  });

  it("gives the same figures as computing at each date", () => {
    for (const [at, indicators] of [
      ["2026-03-01", projection.today],
      ["2026-07-01", projection.target],
    ] as const) {
      expect(indicators).toEqual(computeIndicators({ professionals: roster, establishment, at }));
    }
  });

  it("counts departures and arrivals recorded today", () => {
    expect(projection.leaving).toBe(1); // G leaves on 2026-04-30
    expect(projection.arriving).toBe(1); // F starts on 2026-05-01
    expect(projection.target.overall.active).toBe(5);
  });

  it("lists who will lapse; evaluateProfessional tells what they will lack", () => {
    expect(projection.lapsing.map((lapse) => [lapse.professional.id, lapse.lost])).toEqual([
      ["A", ["RPPS_CHECK"]],
      ["C", ["RIE_COMPLIANT", "DMP_READY"]],
    ]);
    const lapsed = projection.lapsing[1]!.professional;
    // C's CPS expires on 2026-06-01: the list says so.
    expect(evaluateProfessional(lapsed, establishment, "2026-07-01").missing.map((item) => item.code)).toEqual([
      "MIE_EXPIRED",
      "DMP_UNREACHABLE",
    ]);
  });

  it("shows the end of the transition to a director looking ahead from 2025", () => {
    const ahead = projectIndicators({
      professionals: roster,
      establishment,
      today: "2025-12-31",
      target: "2026-01-01",
    });
    expect(ahead.lapsing.map((lapse) => [lapse.professional.id, lapse.lost])).toEqual([["B", ["RIE_COMPLIANT"]]]);
    const lapsed = ahead.lapsing[0]!.professional;
    expect(evaluateProfessional(lapsed, establishment, "2026-01-01").missing.map((item) => item.code)).toContain("TRANSITION_MIE_ENDED");
  });
});
