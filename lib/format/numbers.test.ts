import { describe, expect, it } from "vitest";
import { formatEuros, formatInteger, formatPercent } from "./numbers";

// Intl uses narrow no-break spaces (U+202F) in French; normalise to compare readable strings.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

describe("French number formats", () => {
  it("groups thousands", () => {
    expect(plain(formatInteger(2009))).toBe("2 009");
  });

  it("shows euros from cents, without decimals", () => {
    expect(plain(formatEuros(25_000_000_00n))).toBe("25 000 000 €");
  });

  it("shows shares as whole percents", () => {
    expect(plain(formatPercent(0.4249))).toBe("42 %");
  });
});
