import { expect, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolation } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { expectNoPageErrors, watchPageErrors } from "./fixtures/page-errors";
import { signInAs } from "./fixtures/sessions";
import { createUser } from "@/test/factories";

test.describe("public home page", () => {
  test("explains the programme in French, with the waves of the demo data", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/HospiConnect/);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("identification électronique");
    await expect(page.getByText("Depuis le 1er janvier 2026 : l'authentification à double facteur est obligatoire")).toBeVisible();

    const objectives = page.locator("#programme");
    await expect(objectives.getByText("Objectifs obligatoires (a minima)")).toBeVisible();
    await expect(objectives.getByText("Authentification à double facteur de tous les professionnels")).toBeVisible();
    await expect(objectives.getByText("Fédération d'identités avec Pro Santé Connect")).toBeVisible();

    const waves = page.locator("#vagues");
    await expect(waves.getByRole("heading", { name: "Vague pilote 2024" })).toBeVisible();
    await expect(waves.getByRole("heading", { name: /Vague de généralisation 2025/ })).toBeVisible();
    await expect(waves.getByText("13 février 2026 à 23 h 59 (heure de Paris)")).toBeVisible();
    await expect(waves.getByText(/dossiers? déposés?/).first()).toBeVisible();
  });

  test("has skip links and no serious accessibility violation", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Contenu" })).toBeFocused();
    const skipLinks = page.getByRole("navigation", { name: "Accès rapide" }).getByRole("link");
    await expect(skipLinks).toHaveText(["Contenu", "Menu", "Pied de page"]);
    for (const href of await skipLinks.evaluateAll((links) => links.map((link) => link.getAttribute("href")))) {
      await expect(page.locator(href!), `the target of ${href}`).toHaveCount(1);
    }
    await expectNoSeriousAccessibilityViolation(page);
  });

  test("« Menu » takes the keyboard to the main menu on a wide screen, and on a phone to the header's button that opens it", async ({
    page,
  }) => {
    const mainMenu = page.getByRole("navigation", { name: "Menu principal" });
    async function followMenuSkipLink() {
      await page.goto("/");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await expect(page.getByRole("link", { name: "Menu", exact: true })).toBeFocused();
      await page.keyboard.press("Enter");
    }

    await page.setViewportSize({ width: 1280, height: 800 });
    await followMenuSkipLink();
    await page.keyboard.press("Tab");
    await expect(mainMenu.getByRole("link", { name: "Accueil" })).toBeFocused();

    // The main menu is then in the header's closed modal: the link leads to the button that opens it.
    await page.setViewportSize({ width: 320, height: 640 });
    await followMenuSkipLink();
    const menuButton = page.getByRole("button", { name: "Menu", exact: true });
    await expect(menuButton).toBeFocused();
    await expect(menuButton).toHaveAttribute("data-fr-js-modal-button", "true");
    await page.keyboard.press("Enter");
    await expect(mainMenu.getByRole("link", { name: "Accueil" })).toBeVisible();
  });

  test("the footer links to the accessibility statement, and says which link opens a new window", async ({ page }) => {
    await page.goto("/");
    const footer = page.getByRole("contentinfo");
    await expect(footer.getByRole("link", { name: "Agence du Numérique en Santé" })).toHaveAttribute(
      "title",
      "Agence du Numérique en Santé - nouvelle fenêtre",
    );
    await footer.getByRole("link", { name: "Accessibilité : non conforme" }).click();
    await expect(page).toHaveURL(/\/accessibilite$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Déclaration d'accessibilité");
    await expect(page.getByText("aucun audit de conformité n'a encore été réalisé")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Voies de recours" })).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);
  });

  test("the footer's site map lists the pages a visitor may open, and a manager's own", async ({ page, context }) => {
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "Plan du site" }).click();
    await expect(page).toHaveURL(/\/plan-du-site$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Plan du site");
    const content = page.getByRole("main");
    await expect(content.getByRole("heading", { level: 2 })).toHaveText(["Le programme", "Votre espace", "Informations"]);
    await expect(content.getByRole("link", { name: "Journal d'audit" })).toHaveCount(0);
    await expectNoSeriousAccessibilityViolation(page);

    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);
    await page.reload();
    await expect(content.getByRole("heading", { level: 2 })).toHaveText(["Le programme", "Votre espace", "Pilotage", "Informations"]);
    await content.getByRole("link", { name: "Journal d'audit" }).click();
    await expect(page).toHaveURL(/\/pilotage\/journal$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("answers an unknown address with a French 404 page", async ({ page }) => {
    const response = await page.goto("/cette-page-n-existe-pas");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page non trouvée" })).toBeVisible();
    await expect(page).toHaveTitle("Page non trouvée – HospiConnect");
    await expectNoSeriousAccessibilityViolation(page);
  });

  test("answers an address a page refuses (a malformed id) with the same 404, in the visitor's colour scheme, without a script error", async ({
    page,
  }) => {
    // Next.js answers a page's notFound() with its error shell, which the browser renders in full.
    const errors = watchPageErrors(page);
    await page.emulateMedia({ colorScheme: "dark" });
    const response = await page.goto("/dossiers/pas-un-identifiant");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page non trouvée" })).toBeVisible();
    await expect(page).toHaveTitle("Page non trouvée – HospiConnect");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.locator("html")).toHaveAttribute("data-fr-theme", "dark");
    await expectNoPageErrors(page, errors);
  });

  test("sends the security headers, with a fresh CSP nonce per request", async ({ request }) => {
    const [first, second] = [await request.get("/"), await request.get("/")];
    const csp = first.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers()["content-security-policy"]).not.toContain(nonce);
    expect(first.headers()["strict-transport-security"]).toMatch(/max-age=31536000/);
  });

  test("sends them on every kind of response: a 404 page, an API error, a redirect, a download, static files", async ({ context }) => {
    await signInAs(context, (await createUser(e2eDb, { staffRole: "REVIEWER" })).id);
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await (await context.request.get("/")).text())?.[1];
    const responses = {
      "404 page": await context.request.get("/cette-page-n-existe-pas"),
      "API error": await context.request.get("/api/adresse-inconnue"),
      redirect: await context.request.get("/connexion", { maxRedirects: 0 }),
      download: await context.request.get("/api/roster/template?format=csv"),
      script: await context.request.get(chunk!),
      favicon: await context.request.get("/favicon/favicon.svg"),
      "robots.txt": await context.request.get("/robots.txt"),
    };
    const answers = Object.fromEntries(
      Object.entries(responses).map(([kind, response]) => {
        const csp = response.headers()["content-security-policy"] ?? "";
        const hsts = response.headers()["strict-transport-security"] ?? "";
        return [
          kind,
          {
            status: response.status(),
            csp: ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"].every((directive) => csp.includes(directive)),
            hsts: /max-age=31536000/.test(hsts),
            nosniff: response.headers()["x-content-type-options"] === "nosniff",
          },
        ];
      }),
    );
    const secure = { csp: true, hsts: true, nosniff: true };
    expect(answers).toEqual({
      "404 page": { status: 404, ...secure },
      "API error": { status: 404, ...secure },
      redirect: { status: 307, ...secure },
      download: { status: 200, ...secure },
      script: { status: 200, ...secure },
      favicon: { status: 200, ...secure },
      "robots.txt": { status: 200, ...secure },
    });
  });
});
