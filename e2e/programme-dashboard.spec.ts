import { expect, test } from "@playwright/test";
import { fileNameFilter } from "@/lib/export/file-name";
import ExcelJS from "exceljs";
import { DASHBOARD_TABLE_IDS } from "@/lib/dashboard/tables";
import { expectNoSeriousAccessibilityViolation, expectUniqueLandmarks } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { signInAs } from "./fixtures/sessions";
import { createDraft, createEstablishment, createOpenWave, createUser } from "@/test/factories";

test.describe("the programme's dashboard", () => {
  test("every chart comes with its table; the filters change the figures; each table downloads", async ({ page, context }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    const wave = await createOpenWave(e2eDb);
    const waveTitle = (await e2eDb.wave.findUniqueOrThrow({ where: { id: wave.waveId } })).title;
    // Two dossiers of this wave: a draft in Nouvelle-Aquitaine, a submitted one in Auvergne-Rhône-Alpes.
    const [here, there] = [await createEstablishment(e2eDb), await createEstablishment(e2eDb)];
    await e2eDb.establishment.update({ where: { id: there.id }, data: { regionCode: "84", departmentCode: "69" } });
    await createDraft(e2eDb, here.id, wave);
    const submitted = await createDraft(e2eDb, there.id, wave);
    await e2eDb.application.update({ where: { id: submitted.id }, data: { state: "SUBMITTED" } });
    await signInAs(context, manager.id);
    const chartWarnings: string[] = [];
    page.on("console", (message) => {
      if (/Missing required prop/.test(message.text())) chartWarnings.push(message.text());
    });

    await page.goto("/pilotage");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tableau de bord du programme");
    for (const id of DASHBOARD_TABLE_IDS)
      await expect(page.locator(`[data-table-id="${id}"]`).getByRole("link", { name: /en CSV$/ })).toBeVisible();
    for (const caption of [
      "Entonnoir des dossiers",
      "Chiffres par région",
      "Avancement de l'instruction par niveau",
      "Enveloppes par vague : montants accordés et disponibles",
    ]) {
      await expect(page.getByRole("table", { name: caption })).toBeVisible();
    }
    await expect(page.locator("map-chart")).toHaveCount(1);
    // The map prints « Mise à jour : » followed by this date.
    await expect(page.locator("map-chart")).toHaveAttribute("date", /^\d{1,2} [a-zéû]+ \d{4}$/);
    await expectNoSeriousAccessibilityViolation(page);
    // No section is a region named like the table it holds, itself one.
    await expectUniqueLandmarks(page);
    expect(chartWarnings).toEqual([]);

    const funnel = page.getByRole("table", { name: "Entonnoir des dossiers" });
    const stage = (name: string) =>
      funnel
        .getByRole("row", { name: new RegExp(`^${name}`) })
        .getByRole("cell")
        .first();
    await page.getByLabel("Vague", { exact: true }).selectOption({ label: waveTitle });
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect(page).toHaveURL(new RegExp(`vague=${wave.waveId}`));
    await expect(stage("Commencés")).toHaveText("2");
    await expect(stage("Déposés")).toHaveText("1");

    await page.getByLabel("Région", { exact: true }).selectOption("84");
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect(stage("Commencés")).toHaveText("1");
    await expect(
      page.getByRole("table", { name: "Chiffres par région" }).getByRole("row", { name: /^Auvergne-Rhône-Alpes/ }),
    ).toBeVisible();

    const csvDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Télécharger « Entonnoir des dossiers » en CSV" }).click();
    // The file names the filters it was made under: a region's funnel is not the national one.
    expect((await csvDownload).suggestedFilename()).toMatch(
      new RegExp(`^tableau-de-bord-entonnoir-${fileNameFilter(waveTitle)}-auvergne-rhone-alpes-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    let csv = "";
    for await (const chunk of await (await csvDownload).createReadStream()) csv += chunk.toString("utf8");
    expect(
      csv
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .slice(0, 3),
    ).toEqual(["Étape;Dossiers;Part des dossiers commencés (%)", "Commencés;1;100", "Déposés;1;100"]);

    const xlsxDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Télécharger « Chiffres par région » en XLSX" }).click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await (await xlsxDownload).path())!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe("Auvergne-Rhône-Alpes");
    expect(sheet.getRow(2).getCell(5).value).toBe(1);
    expect(await e2eDb.auditEvent.count({ where: { actorId: manager.id, action: "dashboard.exported" } })).toBe(2);
  });
});
