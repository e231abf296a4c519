import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type FigureTable, figureTableToCsv, figureTableToXlsx, sheetNameOf } from "./figure-table";

const table: FigureTable = {
  caption: "Essai",
  columns: [
    { label: "Vague", kind: "text" },
    { label: "Dossiers", kind: "integer" },
    { label: "Part", kind: "share" },
    { label: "Enveloppe", kind: "euros" },
    { label: "Note", kind: "decimal" },
  ],
  rows: [
    ['=HYPERLINK("http://x")', 1250, { count: 1, of: 3 }, 1_234_567n, 72.46],
    ["Vague 2", 0, { count: 0, of: 0 }, 0n, null],
    ["Vague 3", -3, { count: 1, of: 2 }, -15_000_000n, -1.5],
  ],
};

describe("figure tables as files", () => {
  it("writes a French CSV: units in the headers, decimal comma, no share for 0 of 0, formulas neutralised", () => {
    const text = new TextDecoder().decode(figureTableToCsv(table)).replace("\uFEFF", "");
    expect(text.split("\r\n")).toEqual([
      "Vague;Dossiers;Part (%);Enveloppe (€);Note",
      '"\'=HYPERLINK(""http://x"")";1250;33,3;12345,67;72,5',
      "Vague 2;0;;0;",
      "Vague 3;-3;50;-150000;-1,5",
    ]);
  });

  it("writes a workbook with numbers as numbers and text made safe", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await figureTableToXlsx(table, "Essai")) as never);
    const sheet = workbook.getWorksheet("Essai")!;
    // The units tell a count from its share, as in the CSV: « Part » alone would repeat a header.
    expect(sheet.getRow(1).values).toEqual([undefined, "Vague", "Dossiers", "Part (%)", "Enveloppe (€)", "Note"]);
    expect(sheet.getRow(2).values).toEqual([undefined, '\'=HYPERLINK("http://x")', 1250, 1 / 3, 12345.67, 72.46]);
    expect(sheet.getCell("C2").numFmt).toBe("0.0%");
    expect(sheet.getCell("E2").numFmt).toBe("0.0");
    expect(sheet.getRow(3).values).toEqual([undefined, "Vague 2", 0, undefined, 0]);
    expect(sheet.getRow(4).values).toEqual([undefined, "Vague 3", -3, 0.5, -150000, -1.5]);
  });

  it.each([
    ["Relevés", "Relevés"],
    ["Déploiement du RIE mois par mois et par région", "Déploiement du RIE mois par"],
    ["Enveloppes par vague : montants accordés", "Enveloppes par vague montants"],
    ["Avancementdel'instructionparvagueetparniveau", "Avancementdel'instructionparvag"],
  ])("names a worksheet « %s » within Excel's 31 characters, cut after a word: « %s »", (caption, name) => {
    expect(sheetNameOf(caption)).toBe(name);
  });
});
