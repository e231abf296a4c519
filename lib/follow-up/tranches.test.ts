import { describe, expect, it } from "vitest";
import { splitGrant } from "./tranches";

describe("splitGrant", () => {
  it("pays the advance share at selection and the rest on validation", () => {
    expect(splitGrant(10_000_000n, 30)).toEqual([
      { kind: "ADVANCE", amountCents: 3_000_000n },
      { kind: "BALANCE", amountCents: 7_000_000n },
    ]);
  });

  it("rounds the advance to the nearest cent and keeps the sum exact", () => {
    // 33 % of 1 000,01 € is 330,0033 €: 330,00 € now, 670,01 € later.
    expect(splitGrant(100_001n, 33).map((tranche) => tranche.amountCents)).toEqual([33_000n, 67_001n]);
    // Half a cent rounds up: 50 % of 0,03 €.
    expect(splitGrant(3n, 50).map((tranche) => tranche.amountCents)).toEqual([2n, 1n]);
  });

  it("adds up exactly for any share, even on amounts beyond a float's precision", () => {
    const grant = 9_007_199_254_740_993n;
    for (let percent = 0; percent <= 100; percent++) {
      expect(splitGrant(grant, percent).reduce((sum, tranche) => sum + tranche.amountCents, 0n)).toBe(grant);
    }
  });

  it("makes no tranche of 0 €: without an advance the grant is one balance, with all of it in advance one advance", () => {
    expect(splitGrant(500n, 0)).toEqual([{ kind: "BALANCE", amountCents: 500n }]);
    expect(splitGrant(500n, 100)).toEqual([{ kind: "ADVANCE", amountCents: 500n }]);
    // An advance that rounds to nothing (30 % of 0,01 €), or a balance that does (50 % of 0,01 € rounds up).
    expect(splitGrant(1n, 30)).toEqual([{ kind: "BALANCE", amountCents: 1n }]);
    expect(splitGrant(1n, 50)).toEqual([{ kind: "ADVANCE", amountCents: 1n }]);
  });

  it("refuses a share that is not a whole percentage between 0 and 100", () => {
    expect(() => splitGrant(500n, 101)).toThrow(RangeError);
    expect(() => splitGrant(500n, 12.5)).toThrow(RangeError);
    expect(() => splitGrant(-1n, 10)).toThrow(RangeError);
  });
});
