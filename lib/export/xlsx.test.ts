import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toXlsx } from "./xlsx";

describe("XLSX export", () => {
  it("keeps numbers as numbers and neutralises text that starts like a formula", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (
        await toXlsx(
          "Feuille",
          ["Nom", "Note"],
          [
            ['=HYPERLINK("x")', 72.5],
            ["EHPAD", null],
          ],
        )
      ).slice().buffer,
    );
    const sheet = workbook.getWorksheet("Feuille")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Nom", "Note"]);
    expect(sheet.getCell("A2").value).toBe('\'=HYPERLINK("x")');
    expect(sheet.getCell("B2").value).toBe(72.5);
    expect(sheet.getCell("B3").value).toBeNull();
  });
});
