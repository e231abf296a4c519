import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { FigureCell, FigureColumn } from "./figure-table";
import { streamTable } from "./stream-table";

const columns: FigureColumn[] = [
  { label: "Établissement", kind: "text" },
  { label: "Budget", kind: "euros" },
];

async function* batches(): AsyncGenerator<FigureCell[][]> {
  yield [["EHPAD A", 100n]];
  yield [];
  yield [
    ["=1+1", 250_050n],
    ["EHPAD C", null],
    ["066368580", 1n],
  ];
}

describe("streamed tables", () => {
  it("writes the batches of a CSV one after the other, under one header", async () => {
    const bytes = await new Response(streamTable("csv", columns, batches(), "Essai")).arrayBuffer();
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text).toBe('\uFEFFÉtablissement;Budget (€)\r\nEHPAD A;1,00\r\n\'=1+1;2500,50\r\nEHPAD C;\r\n"=""066368580""";0,01');
  });

  it("writes a workbook that opens with every row, numbers as numbers, text as typed", async () => {
    const bytes = await new Response(streamTable("xlsx", columns, batches(), "Essai")).arrayBuffer();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.getWorksheet("Essai")!;
    expect([2, 3, 4, 5].map((row) => sheet.getRow(row).values)).toEqual([
      [undefined, "EHPAD A", 1],
      [undefined, "=1+1", 2500.5],
      [undefined, "EHPAD C"],
      [undefined, "066368580", 0.01],
    ]);
    expect(sheet.getCell("A3").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("A3").formula).toBeUndefined();
  });
});
