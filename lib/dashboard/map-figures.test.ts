import { describe, expect, it } from "vitest";
import { mapFigureValue, type RegionFigures } from "./map-figures";
import { EMPTY_ROLLOUT } from "./rollout-counts";

const row: RegionFigures = {
  regionCode: "84",
  eligible: 40,
  applied: 10,
  dossiers: 12,
  rollout: { ...EMPTY_ROLLOUT, establishments: 3, active: 200, rieCompliant: 50, registered: 120 },
};

describe("the map's figures", () => {
  it("reads each figure from the region's row", () => {
    expect(mapFigureValue("applied", row)).toBe(0.25);
    expect(mapFigureValue("rieCompliant", row)).toBe(0.25);
    expect(mapFigureValue("registered", row)).toBe(0.6);
    expect(mapFigureValue("dossiers", row)).toBe(12);
  });

  it("has no share where there is nothing to divide by, rather than 0 %", () => {
    expect(mapFigureValue("applied", { ...row, eligible: 0, applied: 0 })).toBeNull();
    expect(mapFigureValue("dmpReady", { ...row, rollout: EMPTY_ROLLOUT })).toBeNull();
  });
});
