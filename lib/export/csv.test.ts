import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

const text = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

describe("CSV export", () => {
  it("starts with a BOM, separates with ; and quotes what needs it", () => {
    expect(text(toCsv(["Nom", "Ville"], [["EHPAD « Les Tilleuls »", "Saint-Jean; Nord"]]))).toBe(
      '\uFEFFNom;Ville\r\nEHPAD « Les Tilleuls »;"Saint-Jean; Nord"',
    );
  });

  it.each(['=HYPERLINK("x")', '="0123"', "+33 5 49", "-2+3", "@SUM(A1)", "\tcmd"])(
    "neutralises a cell starting like a formula: %s",
    (value) => {
      const [, row] = text(toCsv(["Valeur"], [[value]]))
        .replace("\uFEFF", "")
        .split("\r\n");
      expect(row!.replace(/^"|"$/g, "").startsWith("'")).toBe(true);
    },
  );

  it("writes negative numbers as numbers, not as neutralised text", () => {
    expect(text(toCsv(["Reste", "Écart", "Note"], [[-3, { number: "-150000" }, { number: "-1,5" }]]))).toBe(
      "\uFEFFReste;Écart;Note\r\n-3;-150000;-1,5",
    );
  });

  it("keeps text made of digits as text when Excel opens the file (leading zeros, every digit)", () => {
    expect(
      text(toCsv(["Dossier", "FINESS", "SIRET", "Montant"], [["HC-00014", "066368580", "09000057169345", { number: "1250,00" }]])),
    ).toBe('\uFEFFDossier;FINESS;SIRET;Montant\r\nHC-00014;"=""066368580""";"=""09000057169345""";1250,00');
  });

  it("writes a number that is not one as neutralised text", () => {
    expect(text(toCsv(["Valeur"], [[{ number: "=1+1" }]]))).toBe("\uFEFFValeur\r\n'=1+1");
  });
});
