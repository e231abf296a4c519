import { expect, test } from "@playwright/test";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { parisToday } from "@/lib/time/paris";
import { createSelectedDossier, createUser, directorOf } from "@/test/factories";
import { expectNoSeriousAccessibilityViolation } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { waitForHydration } from "./fixtures/hydration";
import { signInAs } from "./fixtures/sessions";

/**
 * Payments and milestones end to end, in Chromium: a programme manager records the order then the
 * payment of a selected dossier's advance on the wave's payments page; its director sees them on
 * the follow-up page, with the timeline's milestones, one late, and records it done.
 */
test.use({ viewport: { width: 1280, height: 900 } });

test("a manager records the advance ordered then paid; the director sees it and records a late milestone done", async ({ browser }) => {
  const dossier = await createSelectedDossier(e2eDb, { name: "CH Versements", amountGrantedCents: 1_000_000n, advanceSharePercent: 30 });
  await e2eDb.milestone.deleteMany({ where: { applicationId: dossier.id } });
  await e2eDb.milestone.createMany({
    data: [
      { applicationId: dossier.id, label: "Inventaire des accès", dueDate: new Date("2026-01-15T00:00:00Z"), position: 0 },
      { applicationId: dossier.id, label: "Généralisation", dueDate: new Date("2099-06-30T00:00:00Z"), position: 1 },
    ],
  });
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER", name: "Pilote Versements" });
  const director = await directorOf(e2eDb, dossier.establishment.id);
  const [managerContext, directorContext] = [await browser.newContext(), await browser.newContext()];
  await signInAs(managerContext, manager.id);
  await signInAs(directorContext, director.userId);
  const [asManager, asDirector] = [await managerContext.newPage(), await directorContext.newPage()];
  const today = parisToday();

  await asManager.goto(`/pilotage/vagues/${dossier.wave.waveId}/decisions`);
  await expect(asManager.getByText(/dû, à ordonnancer : 3\s000\s€/)).toBeVisible();
  await asManager.getByRole("link", { name: "Versements de la vague" }).click();
  await expect(asManager.getByRole("heading", { level: 1, name: "Versements" })).toBeVisible();
  await asManager.getByLabel("État").selectOption("DUE");
  await asManager.getByRole("button", { name: "Filtrer" }).click();
  const table = asManager.getByRole("table", { name: "Tranches de la vague" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText(/CH Versements[\s\S]*Avance à la sélection\s*3\s000\s€\s*À verser/);
  // The dossier is quoted by its reference, as the export and the letters quote it.
  const { number } = await e2eDb.application.findUniqueOrThrow({ where: { id: dossier.id }, select: { number: true } });
  await expect(table.getByRole("rowheader")).toContainText(`${dossierReference(number)} – `);
  await expectNoSeriousAccessibilityViolation(asManager);

  await table.getByRole("link", { name: /Ordonnancer/ }).click();
  await expect(asManager.getByRole("heading", { level: 1, name: "Avance à la sélection – CH Versements" })).toBeVisible();
  await expect(asManager.getByRole("link", { name: new RegExp(`^${dossierReference(number)}`) })).toHaveAttribute(
    "href",
    `/dossiers/${dossier.id}/suivi`,
  );
  await expectNoSeriousAccessibilityViolation(asManager);
  const order = asManager.getByRole("form", { name: "Enregistrer l'ordonnancement" });
  const orderedOn = order.getByLabel("Date d'ordonnancement");
  await expect(orderedOn).toHaveValue(today);
  // Refused by the server: the focus goes to the date. Then refused by the form (no date): the
  // server's earlier refusal does not stay beside it.
  const future = "La date d'ordonnancement ne peut pas être dans le futur.";
  await orderedOn.fill(new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
  await order.getByRole("button", { name: "Enregistrer l'ordonnancement" }).click();
  await expect(order.getByText(future).first()).toBeVisible();
  await expect(orderedOn).toBeFocused();
  await orderedOn.fill("");
  await order.getByRole("button", { name: "Enregistrer l'ordonnancement" }).click();
  await expect(order.getByText(future)).toHaveCount(0);
  await orderedOn.fill(today);
  await order.getByRole("button", { name: "Enregistrer l'ordonnancement" }).click();
  await expect(asManager.getByText(/Ordonnancée le/).first()).toBeVisible();
  // The step's form gives way to the payment's: what was done is said above them, with the focus.
  await expect(asManager.locator(":focus")).toHaveText("Ordonnancement enregistré.");

  const pay = asManager.getByRole("form", { name: "Enregistrer le paiement" });
  await pay.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await expect(pay.getByText("Indiquez la référence du paiement.")).toBeVisible();
  await pay.getByLabel("Référence du paiement").fill("MDT-2026-0042");
  await pay.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await expect(asManager.getByText(/Versée le .* \(référence MDT-2026-0042\)/)).toBeVisible();
  await expect(asManager.locator(":focus")).toHaveText("Paiement enregistré.");
  await expect(asManager.getByRole("form", { name: "Annuler le paiement" })).toBeVisible();
  await expectNoSeriousAccessibilityViolation(asManager);
  expect(
    await e2eDb.tranche.findFirstOrThrow({
      where: { applicationId: dossier.id, kind: "ADVANCE" },
      select: { status: true, paymentReference: true, paidById: true, orderedById: true },
    }),
  ).toEqual({ status: "PAID", paymentReference: "MDT-2026-0042", paidById: manager.id, orderedById: manager.id });
  // 3 000 € of the wave's 1 M€: to the tenth, as the decisions' gauge, not a rounded « 0 % ».
  await asManager.goto(`/pilotage/vagues/${dossier.wave.waveId}/versements`);
  await expect(asManager.getByText(/^Versés : 3\s000\s€ sur 1\s000\s000\s€ d'enveloppe \(0,3\s%\)$/)).toBeVisible();

  await asDirector.goto(`/dossiers/${dossier.id}/suivi`);
  const tranches = asDirector.getByRole("table", { name: "Tranches de la subvention" });
  await expect(tranches).toContainText(/Avance à la sélection\s*3\s000\s€\s*Versée\s*Versée le .* \(référence MDT-2026-0042\)/);
  await expect(tranches).toContainText(/Solde à la validation des résultats\s*7\s000\s€\s*En attente de la validation des résultats/);
  const milestones = asDirector.getByRole("table", { name: "Jalons du calendrier du projet" });
  await expect(milestones.getByRole("row", { name: /Inventaire des accès/ })).toContainText("En retard");
  await expect(milestones.getByRole("row", { name: /Généralisation/ })).toContainText("À venir");
  await expectNoSeriousAccessibilityViolation(asDirector);

  const form = asDirector.getByRole("form", { name: "Indiquer la réalisation des jalons" });
  await waitForHydration(form.getByLabel("« Inventaire des accès » réalisé le"));
  await form.getByLabel("« Inventaire des accès » réalisé le").fill(today);
  await form.getByRole("button", { name: "Enregistrer les jalons" }).click();
  await expect(form.getByText("Réalisation des jalons enregistrée.")).toBeVisible();
  await expect(milestones.getByRole("row", { name: /Inventaire des accès/ })).toContainText("Réalisé");
  expect(
    await e2eDb.milestone.findMany({ where: { applicationId: dossier.id }, orderBy: { position: "asc" }, select: { doneById: true } }),
  ).toEqual([{ doneById: director.userId }, { doneById: null }]);

  await managerContext.close();
  await directorContext.close();
});
