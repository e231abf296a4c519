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
    ["Vague 4", 1, { count: 1, of: 1 }, -5n, 0],
  ],
};

describe("figure tables as files", () => {
  it("writes a French CSV: units in the headers, decimal comma, no share for 0 of 0, formulas neutralised", () => {
    const text = new TextDecoder().decode(figureTableToCsv(table)).replace("\uFEFF", "");
    expect(text.split("\r\n")).toEqual([
      "Vague;Dossiers;Part (%);Enveloppe (€);Note",
      '"\'=HYPERLINK(""http://x"")";1250;33,3;12345,67;72,5',
      "Vague 2;0;;0,00;",
      "Vague 3;-3;50;-150000,00;-1,5",
      "Vague 4;1;100;-0,05;0",
    ]);
  });

  it("writes a workbook with numbers as numbers and text made safe", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await figureTableToXlsx(table, "Essai")) as never);
    const sheet = workbook.getWorksheet("Essai")!;
    // The units tell a count from its share, as in the CSV: « Part » alone would repeat a header.
    expect(sheet.getRow(1).values).toEqual([undefined, "Vague", "Dossiers", "Part (%)", "Enveloppe (€)", "Note"]);
    expect(sheet.getRow(2).values).toEqual([undefined, '=HYPERLINK("http://x")', 1250, 1 / 3, 12345.67, 72.46]);
    // A string cell, never evaluated: the text as typed, without the CSV's protective quote.
    expect(sheet.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("A2").formula).toBeUndefined();
    expect(sheet.getCell("C2").numFmt).toBe("0.0%");
    expect(sheet.getCell("E2").numFmt).toBe("0.0");
    expect(sheet.getRow(3).values).toEqual([undefined, "Vague 2", 0, undefined, 0]);
    expect(sheet.getRow(4).values).toEqual([undefined, "Vague 3", -3, 0.5, -150000, -1.5]);
  });

  describe("identifiers", () => {
    const identified: FigureTable = {
      caption: "Tranches",
      columns: [
        { label: "FINESS", kind: "text" },
        { label: "SIRET", kind: "text" },
        { label: "Dossiers", kind: "integer" },
        { label: "Note", kind: "decimal" },
      ],
      rows: [["066368580", "09000057169345", 12, 7.5]],
    };

    it("keeps their digits as text in a CSV, beside numbers still written as numbers", () => {
      const text = new TextDecoder().decode(figureTableToCsv(identified)).replace("\uFEFF", "");
      expect(text.split("\r\n")).toEqual(["FINESS;SIRET;Dossiers;Note", '"=""066368580""";"=""09000057169345""";12;7,5']);
    });

    it("keeps them as text cells in a workbook", async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await figureTableToXlsx(identified, "Tranches")) as never);
      const sheet = workbook.getWorksheet("Tranches")!;
      expect(sheet.getRow(2).values).toEqual([undefined, "066368580", "09000057169345", 12, 7.5]);
      expect(sheet.getCell("A2").numFmt).toBe("@");
    });
  });

  describe("dates", () => {
    const dated: FigureTable = {
      caption: "Échéances",
      columns: [
        { label: "Échéance", kind: "date" },
        { label: "Déposé le", kind: "datetime" },
      ],
      rows: [
        ["2026-02-13", new Date("2026-02-13T22:59:30Z")],
        ["2026-07-01", new Date("2026-06-30T22:30:00Z")],
        [null, null],
      ],
    };

    it("writes them in a CSV as a French spreadsheet reads dates, instants at Paris time", () => {
      const text = new TextDecoder().decode(figureTableToCsv(dated)).replace("\uFEFF", "");
      expect(text.split("\r\n")).toEqual(["Échéance;Déposé le", "13/02/2026;13/02/2026 23:59", "01/07/2026;01/07/2026 00:30", ";"]);
    });

    it("writes them in a workbook as dates, instants as Paris clocks showed them (summer time included)", async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await figureTableToXlsx(dated, "Échéances")) as never);
      const sheet = workbook.getWorksheet("Échéances")!;
      expect(sheet.getRow(2).values).toEqual([undefined, new Date("2026-02-13T00:00Z"), new Date("2026-02-13T23:59Z")]);
      expect(sheet.getRow(3).values).toEqual([undefined, new Date("2026-07-01T00:00Z"), new Date("2026-07-01T00:30Z")]);
      expect(sheet.getCell("A2").numFmt).toBe("dd/mm/yyyy");
      expect(sheet.getCell("B2").numFmt).toBe("dd/mm/yyyy hh:mm");
    });
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
