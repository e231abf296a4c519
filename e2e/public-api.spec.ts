import { expect, request as playwright, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolation } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { E2E_BASE_URL } from "./fixtures/environment";
import { waitForHydration } from "./fixtures/hydration";
import { signInAs } from "./fixtures/sessions";
import { createSelectedDossier, createUser } from "@/test/factories";
import { openApiValidator } from "@/test/public-api/openapi-validator";

test.describe("the public read API", () => {
  test("a manager creates a token, a partner reads the API with it as its OpenAPI document says, and revocation closes it", async ({
    page,
    context,
  }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER", name: "Pilote API" });
    const dossier = await createSelectedDossier(e2eDb, { amountGrantedCents: 4_200_000n });
    const name = `Entrepôt ARS ${crypto.randomUUID().slice(0, 6)}`;

    await signInAs(context, manager.id);
    await page.goto("/pilotage/api");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès à l'API");
    await expectNoSeriousAccessibilityViolation(page);

    // Refused without a scope, with the shared schema's French message.
    await waitForHydration(page.getByLabel("Nom du jeton"));
    await page.getByLabel("Nom du jeton").fill(name);
    await page.getByRole("button", { name: "Créer le jeton" }).click();
    await expect(page.getByText("Choisissez au moins une portée.")).toBeVisible();

    for (const scope of ["Vagues (waves:read)", "Dossiers (dossiers:read)", "Établissements (establishments:read)"]) {
      await page.getByRole("checkbox", { name: scope }).check({ force: true });
    }
    await page.getByLabel("Durée de validité").selectOption("30");
    await page.getByRole("button", { name: "Créer le jeton" }).click();
    const shown = page.getByTestId("jeton-cree");
    await expect(shown).toHaveText(/^hcapi_[A-Za-z0-9_-]{43}$/);
    const token = (await shown.textContent())!;
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("Jamais");
    await expect(row).toContainText("Actif");
    await expectNoSeriousAccessibilityViolation(page);
    const stored = await e2eDb.apiToken.findFirstOrThrow({ where: { name } });
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.scopes).toEqual(["waves:read", "dossiers:read", "establishments:read"]);

    // A partner's HTTP client, without the manager's session, against the served document.
    const partner = await playwright.newContext({ baseURL: E2E_BASE_URL });
    const document = await (await partner.get("/api/v1/openapi.json")).json();
    const errorsOf = await openApiValidator(document);
    const authorized = { Authorization: `Bearer ${token}` };
    const calls: Array<[string, string]> = [
      ["/waves", "/api/v1/waves?limit=2"],
      ["/waves/{waveId}", `/api/v1/waves/${dossier.wave.waveId}`],
      ["/dossiers", `/api/v1/dossiers?wave=${dossier.wave.waveId}`],
      ["/dossiers/{dossierId}", `/api/v1/dossiers/${dossier.id}`],
      ["/establishments", "/api/v1/establishments?limit=2"],
      ["/establishments/{establishmentId}", `/api/v1/establishments/${dossier.establishment.id}`],
    ];
    for (const [template, url] of calls) {
      const response = await partner.get(url, { headers: authorized });
      expect(response.status(), url).toBe(200);
      expect(errorsOf(template, 200, await response.json()), url).toEqual([]);
    }
    const read = await (await partner.get(`/api/v1/dossiers/${dossier.id}`, { headers: authorized })).json();
    expect(read).toMatchObject({
      id: dossier.id,
      reference: expect.stringMatching(/^HC-\d{5}$/),
      state: "SELECTED",
      decision: { outcome: "SELECTED", amountGrantedCents: 4_200_000 },
    });

    const anonymous = await partner.get(`/api/v1/dossiers/${dossier.id}`);
    expect(anonymous.status()).toBe(401);
    const refusal = await anonymous.json();
    expect(errorsOf("/dossiers/{dossierId}", 401, refusal)).toEqual([]);
    expect(refusal.error.message).toBe("Jeton d'accès manquant : envoyez l'en-tête « Authorization: Bearer <jeton> ».");

    // The API only reads: a write gets its JSON error and the methods allowed; an unknown address, the API's 404.
    const write = await partner.post(`/api/v1/dossiers/${dossier.id}`, { headers: authorized, data: {} });
    expect([write.status(), write.headers()["allow"], (await write.json()).error.code]).toEqual([
      405,
      "GET, HEAD, OPTIONS",
      "METHOD_NOT_ALLOWED",
    ]);
    const unknown = await partner.get("/api/v1/dossier", { headers: authorized });
    expect([unknown.status(), unknown.headers()["content-type"], (await unknown.json()).error.code]).toEqual([
      404,
      "application/json",
      "NOT_FOUND",
    ]);

    // The manager sees the last use, then revokes the token.
    await page.reload();
    await expect(row).not.toContainText("Jamais");
    page.once("dialog", (dialog) => dialog.accept());
    await row.getByRole("button", { name: `Révoquer le jeton ${name}` }).click();
    await expect(row).toContainText("Révoqué");
    await expect(row).toContainText("par Pilote API");
    // The button went with the refresh: the focus is on the row's new state, not on the page.
    await expect(row.locator(":focus")).toContainText("Révoqué");

    const afterRevocation = await partner.get(`/api/v1/dossiers/${dossier.id}`, { headers: authorized });
    expect(afterRevocation.status()).toBe(401);
    expect((await afterRevocation.json()).error.message).toBe("Ce jeton d'accès a été révoqué.");
    await partner.dispose();

    const audit = await e2eDb.auditEvent.findMany({ where: { targetType: "ApiToken", targetId: stored.id }, orderBy: { id: "asc" } });
    const actions = audit.map((entry) => [entry.action, (entry.details as { status?: number }).status ?? null]);
    expect(actions[0]).toEqual(["api_token.created", null]);
    expect(actions.filter(([action]) => action === "api.called")).toEqual([
      ...calls.map(() => ["api.called", 200]),
      ["api.called", 200],
      ["api.called", 401],
    ]);
    expect(actions.some(([action]) => action === "api_token.revoked")).toBe(true);
  });

  test("the documentation page lists every endpoint from the OpenAPI document, for anyone", async ({ page }) => {
    await page.goto("/documentation-api");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Documentation de l'API de lecture");
    for (const summary of ["Lister les vagues", "Lire un dossier", "Lire un établissement"]) {
      await expect(page.getByRole("heading", { level: 2, name: summary })).toBeVisible();
    }
    await expect(page.getByRole("table", { name: "Paramètres de « Lister les dossiers »" })).toContainText("cursor");
    await expect(page.getByRole("heading", { level: 3, name: "DossierDetail" })).toBeVisible();
    // The document's CommonMark code spans show as code, not as backquotes.
    await expect(page.getByRole("main")).not.toContainText("`");
    await expect(page.getByRole("main").locator("code", { hasText: "Authorization: Bearer hcapi_…" }).first()).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);
  });
});
