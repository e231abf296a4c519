import { describe, expect, it } from "vitest";
import { formatCount, formatDecimal, formatEuros, formatEurosAndCents, formatInteger, formatPercent, formatScore } from "./numbers";

// Intl uses narrow no-break spaces (U+202F) in French; normalise to compare readable strings.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

describe("French number formats", () => {
  it("groups thousands", () => {
    expect(plain(formatInteger(2009))).toBe("2 009");
  });

  it("agrees a count's words with it, singular for 0 and 1", () => {
    expect(formatCount(0, "dossier attribué", "dossiers attribués")).toBe("0 dossier attribué");
    expect(formatCount(1, "dossier attribué", "dossiers attribués")).toBe("1 dossier attribué");
    expect(plain(formatCount(1200, "dossier attribué", "dossiers attribués"))).toBe("1 200 dossiers attribués");
  });

  it("shows euros from cents, without decimals for whole euros and to the cent otherwise", () => {
    expect(plain(formatEuros(25_000_000_00n))).toBe("25 000 000 €");
    // 32 345,67 granted and 967 654,33 left make the envelope's 1 000 000 € on one page.
    expect(plain(formatEuros(3_234_567n))).toBe("32 345,67 €");
    expect(plain(formatEuros(96_765_433n))).toBe("967 654,33 €");
    expect(plain(formatEuros(50n))).toBe("0,50 €");
  });

  it("keeps an amount on one line: narrow no-break spaces between thousands, a no-break space before « € »", () => {
    expect(formatEuros(1_250_050n)).toBe("12\u202f500,50\u00a0€");
    expect(formatEuros(2_500_000_000n)).toBe("25\u202f000\u202f000\u00a0€");
  });

  it("shows euros to the cent from bigint cents, beyond a float's precision", () => {
    expect(plain(formatEurosAndCents(300_003n))).toBe("3 000,03 €");
    expect(plain(formatEurosAndCents(5n))).toBe("0,05 €");
    expect(plain(formatEurosAndCents(900_719_925_474_099_301n))).toBe("9 007 199 254 740 993,01 €");
  });

  it("shows shares as percents, whole or to the tenth, rounded", () => {
    expect(plain(formatPercent(0.4249))).toBe("42 %");
    // Rounded, not cut: 1 787 000 of 3 000 000 is 59,57 %.
    expect(plain(formatPercent(1_787_000 / 3_000_000, "tenth"))).toBe("59,6 %");
    expect(plain(formatPercent(0.5, "tenth"))).toBe("50 %");
  });

  it("never writes a share that is not nothing as « 0 % », nor one short of the whole as « 100 % », to the tenth", () => {
    // 6 172,84 € paid of a 25 M€ envelope: 0,02 %.
    expect(plain(formatPercent(617_284 / 2_500_000_000, "tenth"))).toBe("moins de 0,1 %");
    expect(plain(formatPercent(0.0005, "tenth"))).toBe("0,1 %");
    expect(plain(formatPercent(0, "tenth"))).toBe("0 %");
    expect(plain(formatPercent(0.99999, "tenth"))).toBe("plus de 99,9 %");
    expect(plain(formatPercent(1, "tenth"))).toBe("100 %");
    expect(plain(formatPercent(1.2, "tenth"))).toBe("120 %");
  });

  it("rounds a computed score as the notes give it, not its binary noise", () => {
    // 30 % regional and 70 % national: 0.3 × 4 + 0.7 × 3.5 is 3.6499999999999995 in binary.
    expect(formatScore(0.3 * 4 + 0.7 * 3.5)).toBe("3,7");
    expect(formatDecimal(0.3 * 4 + 0.7 * 3.5)).toBe("3,7");
    expect(formatScore(70)).toBe("70,0");
    expect(formatScore(56.54)).toBe("56,5");
    expect(formatDecimal(72)).toBe("72");
    expect(formatScore(null)).toBe("–");
  });
});
