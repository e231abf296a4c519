import { describe, expect, it } from "vitest";
import { computeIndicators } from "./indicators";
import type { EstablishmentContext } from "./model";
import { breakdownOf, indicatorsFromSnapshot, snapshotCounts } from "./snapshot-breakdown";
import { ROSTER_CASES } from "@/test/factories";

const establishment: EstablishmentContext = {
  homologations: { FIDO2_LOCAL: "2025-01-15" },
  idpFederatedWithPsc: true,
  usesAirSimplifie: false,
  entitlementProcedureAdoptedOn: "2026-03-01",
};

/** What the database gives back: the JSON column goes through a round trip. */
const stored = (indicators: ReturnType<typeof computeIndicators>, takenAt: Date) => ({
  ...snapshotCounts(indicators),
  takenAt,
  breakdown: JSON.parse(JSON.stringify(breakdownOf(indicators))) as unknown,
});

describe("snapshot breakdown", () => {
  it.each(["2025-12-31", "2026-11-29", "2027-04-01"])("gives back the very indicators it was made from (%s)", (at) => {
    for (const entitlementProcedureAdoptedOn of ["2025-01-01", null]) {
      const indicators = computeIndicators({
        professionals: ROSTER_CASES,
        establishment: { ...establishment, entitlementProcedureAdoptedOn },
        at,
      });
      expect(indicatorsFromSnapshot(stored(indicators, new Date(`${at}T10:00:00Z`)))).toEqual(indicators);
    }
  });

  it("keeps the five counts of the row", () => {
    const indicators = computeIndicators({ professionals: ROSTER_CASES, establishment, at: "2026-11-29" });
    expect(snapshotCounts(indicators)).toEqual({ active: 5, registered: 3, substantialId: 4, rieCompliant: 3, dmpReady: 3 });
  });

  it("reads an empty roster back as 0 of 0, objectives not met", () => {
    const indicators = computeIndicators({ professionals: [], establishment, at: "2026-11-29" });
    const read = indicatorsFromSnapshot(stored(indicators, new Date("2026-11-29T10:00:00Z")));
    expect(read).toEqual(indicators);
    expect(read.overall.registered).toEqual({ count: 0, of: 0, share: null });
    expect(read.objective2.met).toBe(false);
  });
});
