import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";
import { exportIndicatorHistory } from "./export-indicator-history";
import { establishmentWithDirector } from "@/test/factories";

const counts = { registered: 8, substantialId: 6, rieCompliant: 5, dmpReady: 0 };

/** The history behind the rollout curve, downloaded whole by whoever may read the establishment. */
describe("indicator history download", () => {
  beforeEach(resetDatabase);

  async function establishmentWithReadings() {
    const { establishment, director } = await establishmentWithDirector(testDb);
    await testDb.indicatorSnapshot.createMany({
      data: [
        // 1 November, 00:30 in Paris.
        { establishmentId: establishment.id, takenAt: new Date("2026-10-31T23:30:00Z"), reason: "DAILY", active: 10, ...counts },
        {
          establishmentId: establishment.id,
          takenAt: new Date("2025-03-01T09:00:00Z"),
          reason: "SUBMISSION",
          active: 0,
          ...counts,
          registered: 0,
          substantialId: 0,
          rieCompliant: 0,
        },
        { establishmentId: establishment.id, takenAt: new Date("2026-11-02T14:05:00Z"), reason: "CHANGE", active: 12, ...counts },
      ],
    });
    return { establishment, director };
  }

  it("gives every reading, oldest first, each share as its count and its percentage, in a CSV for French spreadsheets", async () => {
    const { establishment, director } = await establishmentWithReadings();
    const file = await exportIndicatorHistory(director, { establishmentId: establishment.id, format: "csv", ip: "192.0.2.1" });

    expect(file.fileName).toMatch(new RegExp(`^releves-indicateurs-${establishment.finessEt}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(file.mimeType).toBe("text/csv; charset=utf-8");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(file.bytes);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.slice(1).split("\r\n")).toEqual([
      "Relevé (heure de Paris);Occasion;En activité;Enregistrés au RPPS;Enregistrés au RPPS (%);Identité substantielle;Identité substantielle (%);MIE conforme au RIE;MIE conforme au RIE (%);Accès au DMP;Accès au DMP (%)",
      "01/03/2025 10:00;Dépôt d'un dossier;0;0;;0;;0;;0;",
      "01/11/2026 00:30;Relevé quotidien;10;8;80;6;60;5;50;0;0",
      "02/11/2026 15:05;Modification du registre;12;8;66,7;6;50;5;41,7;0;0",
    ]);
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "indicators.exported", targetId: establishment.id } });
    expect(audit).toMatchObject({
      actorId: director.userId,
      targetId: establishment.id,
      ip: "192.0.2.1",
      details: { format: "csv", readings: 3 },
    });
  });

  it("gives the same readings as an Excel workbook with numbers and percentages", async () => {
    const { establishment, director } = await establishmentWithReadings();
    const file = await exportIndicatorHistory(director, { establishmentId: establishment.id, format: "xlsx", ip: null });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Relevés")!;
    expect(sheet.rowCount).toBe(4);
    // A date Excel sorts and filters, as Paris clocks showed it.
    expect(sheet.getRow(3).getCell(1).value).toEqual(new Date("2026-11-01T00:30:00Z"));
    expect(sheet.getRow(3).getCell(1).numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(sheet.getRow(3).getCell(3).value).toBe(10);
    expect(sheet.getRow(3).getCell(5).value).toBeCloseTo(0.8);
  });

  it("refuses another establishment's director, and writes nothing to the audit log", async () => {
    const { establishment } = await establishmentWithReadings();
    const { director: stranger } = await establishmentWithDirector(testDb);
    await expect(exportIndicatorHistory(stranger, { establishmentId: establishment.id, format: "csv", ip: null })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await testDb.auditEvent.count({ where: { action: "indicators.exported", targetId: establishment.id } })).toBe(0);
  });
});
