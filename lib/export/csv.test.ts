import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

const text = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

describe("CSV export", () => {
  it("starts with a BOM, separates with ; and quotes what needs it", () => {
    expect(text(toCsv(["Nom", "Ville"], [["EHPAD « Les Tilleuls »", "Saint-Jean; Nord"]]))).toBe(
      '\uFEFFNom;Ville\r\nEHPAD « Les Tilleuls »;"Saint-Jean; Nord"',
    );
  });

  it.each(['=HYPERLINK("x")', "+33 5 49", "-2+3", "@SUM(A1)", "\tcmd"])("neutralises a cell starting like a formula: %s", (value) => {
    const [, row] = text(toCsv(["Valeur"], [[value]]))
      .replace("\uFEFF", "")
      .split("\r\n");
    expect(row!.replace(/^"|"$/g, "").startsWith("'")).toBe(true);
  });

  it("writes negative numbers as numbers, not as neutralised text", () => {
    expect(text(toCsv(["Reste", "Écart", "Note"], [[-3, "-150000", "-1,5"]]))).toBe("\uFEFFReste;Écart;Note\r\n-3;-150000;-1,5");
  });
});
