import { describe, expect, it } from "vitest";
import { ROSTER_CASES, type RosterCase } from "@/test/factories/roster";
import { findShortfalls } from "./shortfalls";

const establishment = { homologations: {}, idpFederatedWithPsc: false, usesAirSimplifie: false, entitlementProcedureAdoptedOn: null };
const compliant = ROSTER_CASES[0]!;
const person = (lastName: string, overrides: Partial<RosterCase>): RosterCase => ({ ...compliant, lastName, ...overrides });

describe("findShortfalls", () => {
  it("names who holds each indicator back, with only the gaps that indicator is about", () => {
    const noMie = person("Sansmie", { rpps: null, rppsStatus: "NOT_REGISTERED", needsDmp: false, needsDpi: true, enrollments: [] });
    const result = findShortfalls(
      ["RIE_COMPLIANT_AMONG_CONCERNED", "REGISTERED"],
      { professionals: [compliant, noMie], establishment },
      "2026-12-02",
      5,
    );
    expect(result.get("RIE_COMPLIANT_AMONG_CONCERNED")).toEqual({
      count: 1,
      named: [{ professional: noMie, gaps: [expect.objectContaining({ code: "NO_COMPLIANT_MIE" })] }],
    });
    expect(result.get("REGISTERED")).toEqual({
      count: 1,
      named: [{ professional: noMie, gaps: [expect.objectContaining({ code: "RPPS_NOT_REGISTERED", message: "Non enregistré au RPPS" })] }],
    });
  });

  it("leaves out those outside the indicator's population and those not active at the day", () => {
    const noNeed = person("Veilleur", { needsDmp: false, enrollments: [] });
    const gone = person("Parti", { activityEnd: "2026-01-31", enrollments: [] });
    const result = findShortfalls(
      ["RIE_COMPLIANT_AMONG_CONCERNED", "DMP_READY_AMONG_NEEDING_DMP"],
      { professionals: [noNeed, gone], establishment },
      "2026-12-02",
      5,
    );
    expect(result.get("RIE_COMPLIANT_AMONG_CONCERNED")).toEqual({ count: 0, named: [] });
    expect(result.get("DMP_READY_AMONG_NEEDING_DMP")).toEqual({ count: 0, named: [] });
  });

  it("counts every one but names only the first `limit`", () => {
    const many = Array.from({ length: 7 }, (_, index) => person(`Sansmie${index}`, { enrollments: [] }));
    const entry = findShortfalls(["DMP_READY"], { professionals: many, establishment }, "2026-12-02", 3).get("DMP_READY")!;
    expect(entry.count).toBe(7);
    expect(entry.named.map((shortfall) => shortfall.professional.lastName)).toEqual(["Sansmie0", "Sansmie1", "Sansmie2"]);
  });
});
