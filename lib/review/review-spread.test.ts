import { describe, expect, it } from "vitest";
import { formatScore } from "@/lib/format/numbers";
import { tierSpread } from "./review-spread";

describe("the spread of a tier's totals, as the reviews table writes it", () => {
  it("gives the gap between the totals as shown, which the reader subtracts", () => {
    // 81,176… and 52,941… are shown 81,2 and 52,9: the gap read is 28,3, not 28,235 rounded to 28,2.
    const spread = tierSpread([(45 / 85) * 100, (69 / 85) * 100]);
    expect([spread.min, spread.max].map(formatScore)).toEqual(["52,9", "81,2"]);
    expect(formatScore(spread.range)).toBe("28,3");
    // The mean stays that of the exact totals, as on the decision pages.
    expect(formatScore(spread.mean)).toBe("67,1");
    expect(spread.count).toBe(2);
  });

  it("rounds each total as `formatScore` does, halves up, without binary noise", () => {
    // 0.3 × 4 + 0.7 × 3.5 is 3.6499999999999995 in binary, 3.65 for the reviewers: shown 3,7.
    expect(formatScore(tierSpread([0.3 * 4 + 0.7 * 3.5, 10]).range)).toBe("6,3");
    expect(tierSpread([70.05, 70.04]).range).toBe(0.1);
    expect(tierSpread([50, 50]).range).toBe(0);
  });

  it("has nothing to say of fewer than one total, and no gap for one", () => {
    expect(tierSpread([])).toEqual({ count: 0, min: null, max: null, mean: null, range: null });
    expect(tierSpread([72.5])).toEqual({ count: 1, min: 72.5, max: 72.5, mean: 72.5, range: 0 });
  });
});
