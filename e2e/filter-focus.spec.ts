import { expect, type Page, test } from "@playwright/test";
import { e2eDb } from "./fixtures/database";
import { waitForHydration } from "./fixtures/hydration";
import { signInAs } from "./fixtures/sessions";
import { createEstablishment, createUser, insertRoster } from "@/test/factories";

/**
 * A list filtered from the keyboard leaves the focus on its count, which opens its results and says
 * how many there are, instead of the document, from which the next Tab starts at the top of the page
 * (RGAA 12.8, WCAG 2.4.3). So does « Réinitialiser les filtres », which the whole list removes.
 */
test.use({ viewport: { width: 1280, height: 900 } });

/** The focused element: its role and text, or « body ». */
function focused(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return "body";
    return `${active.getAttribute("role") ?? active.tagName.toLowerCase()}: ${active.textContent?.replace(/\s+/g, " ").trim()}`;
  });
}

/** « Filtrer » pressed with the keyboard: Tab until the button has the focus, then Enter. */
async function filterFromKeyboard(page: Page, from: string) {
  const button = page.getByRole("button", { name: "Filtrer", exact: true });
  await waitForHydration(button);
  await page.getByLabel(from).focus();
  for (let presses = 0; presses < 20 && !(await button.evaluate((node) => node === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(button).toBeFocused();
  await page.keyboard.press("Enter");
}

test("the programme's dossier list: the count takes the focus after « Filtrer », then after the reset", async ({ page, context }) => {
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
  await signInAs(context, manager.id);

  await page.goto("/pilotage/dossiers");
  await page.getByLabel("Établissement, FINESS ou référence").fill("aucun établissement de ce nom");
  await filterFromKeyboard(page, "Établissement, FINESS ou référence");
  await expect(page).toHaveURL(/search=aucun/);
  await expect.poll(() => focused(page)).toBe("status: 0 dossier");

  const reset = page.getByRole("link", { name: "Réinitialiser les filtres" });
  await waitForHydration(reset);
  await reset.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/pilotage\/dossiers$/);
  await expect(reset).toHaveCount(0);
  await expect.poll(() => focused(page)).toMatch(/^status: \d+ dossiers?$/);
});

test("the director's roster: the count takes the focus after « Filtrer »", async ({ page, context }) => {
  const establishment = await createEstablishment(e2eDb);
  await insertRoster(e2eDb, establishment.id);
  const director = await createUser(e2eDb, { establishmentId: establishment.id });
  await signInAs(context, director.id);

  await page.goto(`/etablissements/${establishment.id}/professionnels`);
  await page.getByLabel("Activité").selectOption("partis");
  await filterFromKeyboard(page, "Activité");
  await expect(page).toHaveURL(/activity=partis/);
  await expect.poll(() => focused(page)).toMatch(/^status: \d+ professionnels? correspondant aux filtres/);
});

test("the audit log: Enter in a filter field leaves the focus on the count", async ({ page, context }) => {
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
  await signInAs(context, manager.id);

  await page.goto("/pilotage/journal");
  const actor = page.getByLabel("Auteur (adresse)");
  await waitForHydration(actor);
  await actor.fill("personne@example.invalid");
  await actor.press("Enter");
  await expect(page).toHaveURL(/actor=personne/);
  await expect.poll(() => focused(page)).toBe("status: 0 événement");
});
