import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolation } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { signInAs } from "./fixtures/sessions";
import { recordIndicatorSnapshot } from "@/lib/roster/snapshots";
import { createEstablishment, createUser, insertRoster } from "@/test/factories";

/**
 * The DSFR's own script (menus, accordions, modals, tabs) runs in the browser under the strict CSP:
 * react-dsfr loads it, and starts it once the page has hydrated (components/dsfr/provider.tsx).
 * Without it, buttons change their aria-expanded but nothing opens.
 */

/** Every message the browser logs about the Content Security Policy, and every uncaught error. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

/**
 * Waits for the DSFR's next render frame. The navigation checks, one animation frame after a Tab,
 * whether focus left the open menu, and reads the menu then: an Enter pressed within that frame
 * closes the menu first and the DSFR's check throws on the missing menu ("reading 'node'"). No
 * person types that fast; a test does.
 */
async function dsfrFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

test.describe("DSFR behaviours", () => {
  test("the header's « Pilotage » menu opens on click and with the keyboard, without a CSP violation", async ({ page, context }) => {
    const problems = watchConsole(page);
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);
    await page.goto("/pilotage/dossiers");

    const navigation = page.getByRole("navigation", { name: "Menu principal" });
    const pilotage = navigation.getByRole("button", { name: "Pilotage" });
    const dashboardLink = navigation.getByRole("link", { name: "Tableau de bord" });
    await expect(dashboardLink).toBeHidden();
    // A click before the DSFR's script has bound the button does nothing: on a loaded machine the
    // test clicks sooner than that (seen at load average 20).
    await expect(pilotage).toHaveAttribute("data-fr-js-collapse-button", "true");

    await pilotage.click();
    await expect(pilotage).toHaveAttribute("aria-expanded", "true");
    await expect(dashboardLink).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);
    // The menu holds the current page, which is « Dossiers », not the dashboard above it.
    await expect(pilotage).toHaveAttribute("aria-current", "true");
    await expect(navigation.locator("[aria-current=page]")).toHaveText("Dossiers");

    await pilotage.click();
    await expect(dashboardLink).toBeHidden();

    await pilotage.focus();
    await page.keyboard.press("Enter");
    await expect(dashboardLink).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(dashboardLink).toBeFocused();
    await dsfrFrame(page);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/pilotage$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(navigation.locator("[aria-current=page]")).toHaveText("Tableau de bord");

    expect(problems).toEqual([]);
  });

  test("a list's page links mark the page shown as the current page, and lead to the next one", async ({ page, context }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);
    await page.goto("/pilotage/dossiers");

    const pages = page.getByRole("navigation", { name: "Pagination" });
    // A screen reader says « page actuelle » for "page", and only « actuel » for react-dsfr's "true".
    await expect(pages.locator("[aria-current]")).toHaveCount(1);
    await expect(pages.locator("[aria-current]")).toHaveAttribute("aria-current", "page");
    await expect(pages.locator("[aria-current]")).toHaveText("1");

    await pages.getByRole("link", { name: "Page suivante" }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(pages.locator("[aria-current]")).toHaveAttribute("aria-current", "page");
    await expect(pages.locator("[aria-current]")).toHaveText("2");

    // From the keyboard, from the first page to the last, where « Dernière page » is no longer a link:
    // the focus goes to the rows, not to the document.
    await page.goto("/pilotage/dossiers");
    await page.waitForLoadState("networkidle");
    await pages.getByRole("link", { name: "Dernière page" }).focus();
    await page.keyboard.press("Enter");
    await expect(pages.getByRole("link", { name: "Dernière page" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Dossiers correspondant aux filtres" })).toBeFocused();
  });

  test("on a phone, the header's « Menu » button opens the navigation in a modal that Escape closes", async ({ page }) => {
    const problems = watchConsole(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/");

    const menuButton = page.getByRole("button", { name: "Menu", exact: true });
    const modal = page.locator(`#${await menuButton.getAttribute("aria-controls")}`);
    await expect(modal).toBeHidden();

    // A click before the DSFR's script has bound the button opens nothing (seen once in CI).
    await expect(menuButton).toHaveAttribute("data-fr-js-modal-button", "true");
    await menuButton.click();
    await expect(modal).toBeVisible();
    await expect(modal).toHaveAttribute("aria-modal", "true");
    await expect(modal.getByRole("link", { name: "Le programme" })).toBeVisible();

    await page.keyboard.press("Escape");
    await expect(modal).toBeHidden();
    await expect(menuButton).toBeFocused();

    expect(problems).toEqual([]);
  });

  test("the footer's « Paramètres d'affichage » opens the theme modal, which Escape closes, and the dark theme applies and is kept", async ({
    page,
  }) => {
    const problems = watchConsole(page);
    await page.goto("/");

    const settings = page.getByRole("contentinfo").getByRole("button", { name: "Paramètres d'affichage" });
    const modal = page.getByRole("dialog", { name: "Paramètres d'affichage" });
    await expect(modal).toBeHidden();
    // The DSFR's script marks the button once it has taken it in charge, after hydration: a click before does nothing.
    await expect(settings).toHaveAttribute("data-fr-js-modal-button", "true");
    await settings.click();
    await expect(modal).toBeVisible();

    await modal.getByText("Thème sombre").click();
    await expect(page.locator("html")).toHaveAttribute("data-fr-theme", "dark");
    await modal.getByRole("button", { name: "Fermer" }).click();
    await expect(modal).toBeHidden();
    await expect(settings).toBeFocused();
    // Escape closes it too, from the theme just chosen (the DSFR leaves Escape to a focused input).
    await settings.press("Enter");
    await expect(modal).toBeVisible();
    await modal.getByText("Thème clair").click();
    await expect(modal.getByLabel("Thème clair")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(modal).toBeHidden();
    await expect(settings).toBeFocused();
    await settings.press("Enter");
    await modal.getByText("Thème sombre").click();
    await page.keyboard.press("Escape");
    await expect(modal).toBeHidden();

    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-fr-theme", "dark");
    expect(problems).toEqual([]);
  });

  test("the breadcrumb leads up to the establishment without reloading, and folds behind a button on a phone", async ({
    page,
    context,
  }) => {
    const problems = watchConsole(page);
    const establishment = await createEstablishment(e2eDb, { name: "EHPAD Les Tilleuls" });
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const [professionalId] = await insertRoster(e2eDb, establishment.id);
    const professional = await e2eDb.professional.findUniqueOrThrow({ where: { id: professionalId } });
    const name = `${professional.firstName} ${professional.lastName}`;
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}/professionnels/${professional.id}`);

    const breadcrumb = page.getByRole("navigation", { name: "vous êtes ici :" });
    await expect(breadcrumb.getByRole("listitem")).toHaveText(["EHPAD Les Tilleuls", "Registre des professionnels", name]);
    await expect(breadcrumb.locator("[aria-current=page]")).toHaveText(name);
    await expectNoSeriousAccessibilityViolation(page);
    // A client-side navigation keeps the window's state; a full reload would lose this mark.
    await page.evaluate(() => Object.assign(window, { stayedOnPage: true }));
    await breadcrumb.getByRole("link", { name: "Registre des professionnels" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registre des professionnels");
    expect(await page.evaluate(() => (window as unknown as { stayedOnPage?: boolean }).stayedOnPage)).toBe(true);

    await page.setViewportSize({ width: 375, height: 800 });
    const unfold = breadcrumb.getByRole("button", { name: "Voir le fil d'Ariane" });
    const up = breadcrumb.getByRole("link", { name: "EHPAD Les Tilleuls" });
    await expect(up).toBeHidden();
    await expect(page.locator("[data-fr-js-collapse-button=true]").first()).toBeAttached();
    await unfold.click();
    await expect(up).toBeVisible();
    await up.click();
    await expect(page).toHaveURL(new RegExp(`/etablissements/${establishment.id}$`));

    expect(problems).toEqual([]);
  });

  test("an accordion opens and shows its content, without a CSP violation", async ({ page, context }) => {
    const problems = watchConsole(page);
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await insertRoster(e2eDb, establishment.id);
    await recordIndicatorSnapshot(e2eDb, establishment.id, "CHANGE");
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}`);

    const toggle = page.getByRole("button", { name: "Données de la courbe" });
    const table = page.getByRole("table", { name: "Relevés des indicateurs" });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(table).toBeHidden();

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(table).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(2);

    await toggle.press("Enter");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(table).toBeHidden();

    expect(problems).toEqual([]);
  });
});
