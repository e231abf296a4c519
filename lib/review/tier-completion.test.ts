import { describe, expect, it } from "vitest";
import { awaitsEarlierTier, isReviewComplete, isTierComplete } from "./tier-completion";

const national = (submitted: boolean, hasConflict: boolean | null = false) => ({ tier: "NATIONAL" as const, submitted, hasConflict });
const regional = (submitted: boolean, hasConflict: boolean | null = false) => ({ tier: "REGIONAL" as const, submitted, hasConflict });

describe("tier completion", () => {
  it("needs k submitted reviews and none left to submit", () => {
    expect(isTierComplete("NATIONAL", 2, [national(true), national(true)])).toBe(true);
    expect(isTierComplete("NATIONAL", 2, [national(true)])).toBe(false);
    expect(isTierComplete("NATIONAL", 2, [national(true), national(true), national(false)])).toBe(false);
    expect(isTierComplete("NATIONAL", 2, [national(true), national(true), national(false, true)])).toBe(true);
    expect(isTierComplete("NATIONAL", 1, [national(false, null)])).toBe(false);
  });

  it("makes a two-tier review complete only when both tiers are", () => {
    const nationalDone = [national(true), national(true)];
    expect(isReviewComplete("NATIONAL_ONLY", 2, nationalDone)).toBe(true);
    expect(isReviewComplete("REGIONAL_THEN_NATIONAL", 2, nationalDone)).toBe(false);
    expect(isReviewComplete("REGIONAL_THEN_NATIONAL", 2, [...nationalDone, regional(true), regional(true)])).toBe(true);
    expect(isReviewComplete("REGIONAL_THEN_NATIONAL", 2, [regional(true), regional(true), national(true)])).toBe(false);
  });

  it("holds a national review back until the regional tier is complete, in a two-tier wave only", () => {
    expect(awaitsEarlierTier("REGIONAL_THEN_NATIONAL", 1, "NATIONAL", [regional(false), national(false)])).toBe(true);
    expect(awaitsEarlierTier("REGIONAL_THEN_NATIONAL", 1, "NATIONAL", [regional(false, null), national(false)])).toBe(true);
    expect(awaitsEarlierTier("REGIONAL_THEN_NATIONAL", 1, "NATIONAL", [national(false)])).toBe(true);
    expect(awaitsEarlierTier("REGIONAL_THEN_NATIONAL", 1, "NATIONAL", [regional(true), regional(false, true), national(false)])).toBe(
      false,
    );
    expect(awaitsEarlierTier("REGIONAL_THEN_NATIONAL", 1, "REGIONAL", [regional(false), national(true)])).toBe(false);
    expect(awaitsEarlierTier("NATIONAL_ONLY", 1, "NATIONAL", [national(false)])).toBe(false);
  });
});
