import { describe, expect, it } from "vitest";
import { CATEGORY, IDENTITY, POPULATION, RPPS_STATUS } from "./codecs";
import { TEMPLATE_COLUMNS } from "./columns";
import { columnHint, TEMPLATE_GUIDE } from "./guide";
import { parseBoolean, parseDate, parseMieList } from "./values";

const rowOf = (column: string) => TEMPLATE_GUIDE.find((row) => row.column === column)!;
const quoted = (text: string) => [...text.matchAll(/« ([^»]+) »/g)].map((match) => match[1]!);

describe("the template's guide", () => {
  it("has one row per column of the template, in its order", () => {
    expect(TEMPLATE_GUIDE.map((row) => row.column)).toEqual(TEMPLATE_COLUMNS.map((column) => column.header));
  });

  it("names only values the import reads", () => {
    for (const [column, codec] of [
      ["Population", POPULATION],
      ["Catégorie", CATEGORY],
      ["Statut RPPS", RPPS_STATUS],
      ["Vérification d'identité", IDENTITY],
    ] as const) {
      const values = quoted(rowOf(column).expected);
      expect(values.length, column).toBeGreaterThan(1);
      for (const value of values) expect(codec.parse(value, column).ok, `${column}: ${value}`).toBe(true);
    }
    for (const value of quoted(rowOf("Besoin DMP").expected)) expect(parseBoolean(value, "Besoin DMP").ok).toBe(true);
    expect(parseDate("12/04/1980", "Début d'activité").ok).toBe(true);
    const [example] = quoted(rowOf("MIE").expected).filter((value) => value.includes(":"));
    expect(parseMieList(example!)).toMatchObject({ ok: true, value: [{ type: "E_CPS" }, { type: "CPS" }] });
  });

  it("gives a corrected cell's field the guide's words: what to write, unless a list of choices shows it, and whether a value is required", () => {
    expect(columnHint("rppsStatus", { choices: false })).toBe(
      `${rowOf("Statut RPPS").expected} Valeur obligatoire : ${rowOf("Statut RPPS").required}.`,
    );
    expect(columnHint("rpps", { choices: false })).toMatch(/^Le numéro RPPS, 11 chiffres .* Valeur obligatoire : Non\.$/);
    expect(columnHint("population", { choices: true })).toBe("Valeur obligatoire : Oui.");
  });

  it("asks a person typing a date for the date itself, not for a spreadsheet's day count", () => {
    expect(rowOf("Début d'activité").expected).toContain("date d'Excel");
    expect(columnHint("activityStart", { choices: false })).toBe("Une date JJ/MM/AAAA. Valeur obligatoire : Oui.");
    expect(columnHint("activityEnd", { choices: false })).toMatch(/^Une date JJ\/MM\/AAAA\. Vide tant que/);
  });
});
