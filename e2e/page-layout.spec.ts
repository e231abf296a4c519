import { expect, type Locator, type Page, test } from "@playwright/test";
import { e2eDb } from "./fixtures/database";
import { signInAs } from "./fixtures/sessions";
import { createDraft, createEstablishment, createOpenWave, createUser, fillDossier } from "@/test/factories";

/** Rough edges seen in the pages: wide tables, checkboxes, links and reasons. */

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error("not rendered");
  return found;
}

/** The page never scrolls sideways; the table fits, or scrolls in its own frame with its first column in view. */
async function expectTableFitsOrScrollsInItsFrame(page: Page, table: Locator) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
  const frame = table.locator("xpath=ancestor::div[contains(@class,'fr-table__container')]");
  const firstCell = table.locator("tbody tr").first().locator("th, td").first();
  const before = await box(firstCell);
  await frame.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
  const after = await box(firstCell);
  expect(Math.abs(after.x - before.x)).toBeLessThan(1);
}

test.describe("page layout", () => {
  test("the roster fits 1280 px, scrolls in its frame on a narrower screen keeping the names in view, and each checkbox sits on its row", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await e2eDb.professional.createMany({
      data: Array.from({ length: 12 }, (_, index) => ({
        establishmentId: establishment.id,
        lastName: index === 0 ? "DE LA ROCHEFOUCAULD-MONTMORENCY" : `LARGEUR${index}`,
        firstName: index === 0 ? "Marie-Charlotte-Eugénie" : "Sam",
        birthDate: new Date("1980-01-01"),
        population: "SALARIED" as const,
        professionCode: "60",
        activityStart: new Date("2020-01-01"),
      })),
    });
    await signInAs(context, director.id);
    const table = page.getByRole("table", { name: "Professionnels du registre" });

    for (const width of [1280, 900]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/etablissements/${establishment.id}/professionnels`);
      await expectTableFitsOrScrollsInItsFrame(page, table);
    }

    for (const row of await table.locator("tbody tr").all()) {
      const rowBox = await box(row);
      const checkbox = await box(row.getByRole("checkbox"));
      const name = await box(row.getByRole("link").first());
      // Inside the row, and level with the name it selects.
      expect(checkbox.y).toBeGreaterThanOrEqual(rowBox.y);
      expect(checkbox.y + checkbox.height).toBeLessThanOrEqual(rowBox.y + rowBox.height);
      expect(Math.abs(checkbox.y + checkbox.height / 2 - (name.y + name.height / 2))).toBeLessThan(name.height);
    }
  });

  test("the programme's dossiers fit 1280 px or scroll in their frame, the establishment column in view", async ({ page, context }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/pilotage/dossiers");
      await expectTableFitsOrScrollsInItsFrame(page, page.getByRole("table", { name: "Dossiers correspondant aux filtres" }));
    }
  });

  test("a reviewer's list links each assigned dossier to its review workspace", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const wave = await createOpenWave(e2eDb);
    const dossier = await createDraft(e2eDb, establishment.id, wave);
    await e2eDb.application.update({ where: { id: dossier.id }, data: { state: "SUBMITTED" } });
    const reviewer = await createUser(e2eDb, { staffRole: "REVIEWER" });
    const assignment = await e2eDb.reviewerAssignment.create({ data: { applicationId: dossier.id, reviewerId: reviewer.id } });
    await signInAs(context, reviewer.id);
    await page.goto("/instruction");
    await page.getByRole("row").filter({ hasText: establishment.name }).getByRole("link", { name: establishment.name }).click();
    await expect(page).toHaveURL(`/instruction/${assignment.id}`);
  });

  test("a programme manager reading a draft is told that only its establishment's members change it", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const wave = await createOpenWave(e2eDb);
    const draft = await createDraft(e2eDb, establishment.id, wave);
    await fillDossier(e2eDb, draft.id, wave.objectives);
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);
    await page.goto(`/dossiers/${draft.id}/projet`);
    await expect(page.getByText("Seuls les membres de l'établissement modifient son dossier")).toBeVisible();
    await expect(page.getByText("n'est plus un brouillon")).toHaveCount(0);
    const refused = await page.request.put(`/api/applications/${draft.id}/sections/project`, {
      headers: { Origin: new URL(page.url()).origin },
      data: { expectedVersion: 0, data: { projectTitle: "Modifié par le pilotage", projectSummary: "" } },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toContain("Seuls les membres de l'établissement modifient son dossier");
  });
});
