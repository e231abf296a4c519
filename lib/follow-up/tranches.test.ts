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
    const [advance, balance] = splitGrant(100_001n, 33);
    expect(advance.amountCents).toBe(33_000n);
    expect(balance.amountCents).toBe(67_001n);
    // Half a cent rounds up: 50 % of 0,03 €.
    expect(splitGrant(3n, 50).map((tranche) => tranche.amountCents)).toEqual([2n, 1n]);
  });

  it("adds up exactly for any share, even on amounts beyond a float's precision", () => {
    const grant = 9_007_199_254_740_993n;
    for (let percent = 0; percent <= 100; percent++) {
      const [advance, balance] = splitGrant(grant, percent);
      expect(advance.amountCents + balance.amountCents).toBe(grant);
    }
  });

  it("handles no advance and everything in advance", () => {
    expect(splitGrant(500n, 0).map((tranche) => tranche.amountCents)).toEqual([0n, 500n]);
    expect(splitGrant(500n, 100).map((tranche) => tranche.amountCents)).toEqual([500n, 0n]);
  });

  it("refuses a share that is not a whole percentage between 0 and 100", () => {
    expect(() => splitGrant(500n, 101)).toThrow(RangeError);
    expect(() => splitGrant(500n, 12.5)).toThrow(RangeError);
    expect(() => splitGrant(-1n, 10)).toThrow(RangeError);
  });
});
