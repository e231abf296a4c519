import { dossierReference } from "@/lib/applications/dossier-reference";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolation, timesAnnounced } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { waitForHydration } from "./fixtures/hydration";
import { expectNoPageErrors, watchPageErrors } from "./fixtures/page-errors";
import { signInAs } from "./fixtures/sessions";
import { formatParisDateTime } from "@/lib/time/paris";
import {
  createDraft,
  createEstablishment,
  createOpenWave,
  createReviewWave,
  createSubmittedDossier,
  createUser,
  fillDossier,
} from "@/test/factories";

/** The applicant's journey through a dossier, in Chromium, against the real server and database. */

async function waitSaved(page: Page) {
  await expect(page.getByTestId("autosave-status")).toContainText("Enregistré à");
}

test.describe("filing a dossier", () => {
  test("section by section, told what is missing, evidence attached, submitted, receipt e-mailed and downloadable", async ({
    page,
    context,
    browser,
  }) => {
    test.slow(); // The whole filing: every section, a file, the submission, its receipt by e-mail and download.
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id, name: "Directrice Dossier" });
    const wave = await createOpenWave(e2eDb);
    const { id } = await createDraft(e2eDb, establishment.id, wave);
    await signInAs(context, director.id);

    await page.goto(`/dossiers/${id}`);
    // The reference its letters, e-mails and exports quote.
    const { number } = await e2eDb.application.findUniqueOrThrow({ where: { id }, select: { number: true } });
    const reference = dossierReference(number);
    await expect(page.getByText(`référence du dossier : ${reference}`)).toBeVisible();
    const missing = page.getByTestId("missing-items");
    await expect(missing.getByRole("link", { name: "Le titre du projet est vide." })).toBeVisible();
    await expect(page.getByRole("button", { name: "Déposer le dossier" })).toBeDisabled();
    await expectNoSeriousAccessibilityViolation(page);

    // The missing item links to the field.
    await missing.getByRole("link", { name: "Le titre du projet est vide." }).click();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${id}/projet#field-projectTitle`));
    await expect(page.getByLabel("Titre du projet")).toBeFocused();
    await page.getByLabel("Titre du projet").fill("Clés FIDO2 pour tout l'EHPAD");
    await page.getByLabel(/Résumé du projet/).fill("Enregistrer au RPPS et équiper chaque professionnel d'un moyen à double facteur.");
    await waitSaved(page);
    // Nothing new since: « Enregistrer maintenant » says so rather than seeming to do nothing.
    await page.getByRole("button", { name: "Enregistrer maintenant" }).click();
    await expect(page.getByTestId("autosave-status")).toContainText("Rien de nouveau à enregistrer : tout est enregistré (à ");
    await expectNoSeriousAccessibilityViolation(page);

    await page.getByRole("link", { name: "Partenaires technologiques" }).click();
    await page.getByRole("button", { name: "Ajouter un partenaire" }).click();
    // What the deposit needs is said before it is filled in: the others say « (facultatif) » (RGAA 11.10).
    await expect(page.getByText("Sauf mention contraire, tous les champs sont obligatoires.")).toBeVisible();
    await expect(page.getByLabel("Solution proposée (facultatif)")).toBeVisible();
    await page.getByLabel("Nom", { exact: true }).fill("Yubico");
    await page.getByLabel("Rôle dans le projet").selectOption("MIE_PROVIDER");
    await page.getByLabel("Solution proposée").fill("YubiKey 5 NFC");
    await waitSaved(page);

    await page.getByRole("link", { name: "Stratégie MIE" }).click();
    await page.getByRole("button", { name: "Ajouter une population" }).click();
    await page.getByLabel("Population", { exact: true }).selectOption("SALARIED");
    await page.getByText("Application e-CPS").click();
    await page.getByLabel("Nombre de professionnels concernés").fill("38");
    await waitSaved(page);

    await page.getByRole("link", { name: /IAM \/ SSO/ }).click();
    await page.getByLabel(/Plan de gestion des identités/).fill("Connecteur OIDC du DUI vers un SSO interne.");
    await waitSaved(page);
    await page.getByRole("link", { name: "Fédération avec Pro Santé Connect" }).click();
    await page.getByLabel(/Fédération d'identités/).fill("Pas avant 2027 : priorité au double facteur.");
    await waitSaved(page);

    await page.getByRole("link", { name: "Calendrier" }).click();
    await page.getByRole("button", { name: "Ajouter un jalon" }).click();
    await page.getByLabel("Libellé").fill("Enrôlement de tous les salariés");
    await page.getByLabel("Échéance").fill("2027-03-31");
    await waitSaved(page);

    await page.getByRole("link", { name: "Budget" }).click();
    await page.getByRole("button", { name: "Ajouter une ligne" }).click();
    await page.getByLabel("Catégorie de dépense").selectOption("EQUIPMENT");
    await page.getByLabel("Libellé").fill("40 clés FIDO2");
    await page.getByLabel("Montant demandé (€)").fill("2 400,50");
    await expect(page.getByText("Total demandé :")).toContainText("2 400,50");
    await waitSaved(page);

    // The sections' menu is a navigation named as such, beside the breadcrumb (RGAA 12.6).
    await page
      .getByRole("navigation", { name: "Sections du dossier" })
      .getByRole("link", { name: "Auto-évaluation des objectifs" })
      .click();
    const [first, second] = wave.objectives;
    const o1 = page.locator(`#objective-${first!.code}`);
    // Which fields an objective's state makes required, said under each before it is chosen.
    await expect(page.locator(`#objective-${first!.code}-explanation`)).toHaveAccessibleName(/Obligatoire si l'objectif est « atteint »/);
    await expect(page.locator(`#objective-${first!.code}-targetDate`)).toHaveAccessibleName(
      /Obligatoire si l'objectif est « prévu » ou « en cours »\.$/,
    );
    await expect(o1.getByLabel(/Ajouter une pièce justificative/)).toHaveAccessibleName(
      /Au moins une pièce est obligatoire si l'objectif est « atteint »\./,
    );
    await o1.getByText("Atteint", { exact: true }).click();
    // Said, not refused: the roster, empty here, does not show the objective met.
    await expect(
      o1.getByText(
        new RegExp(
          `^D'après le registre des professionnels au .+, l'objectif ${first!.code} n'est pas atteint : aucun professionnel en activité`,
        ),
      ),
    ).toBeVisible();
    await waitSaved(page);
    // « Achieved » asks for an explanation and evidence: the overview's list links to each field.
    const breadcrumb = page.getByRole("navigation", { name: "vous êtes ici :" });
    await breadcrumb.getByRole("link", { name: "Clés FIDO2 pour tout l'EHPAD" }).click();
    await missing.getByRole("link", { name: new RegExp(`objectif ${first!.code} .*aucune explication`) }).click();
    await expect(page.locator(`#objective-${first!.code}-explanation`)).toHaveAccessibleName(/Explication/);
    await page.locator(`#objective-${first!.code}-explanation`).fill("Procédure d'habilitation en vigueur depuis 2025.");
    await waitSaved(page);
    await breadcrumb.getByRole("link", { name: "Clés FIDO2 pour tout l'EHPAD" }).click();
    await missing.getByRole("link", { name: new RegExp(`objectif ${first!.code} .*aucune pièce justificative`) }).click();
    await expect(page.locator(`#objective-${first!.code}-evidence`)).toHaveAccessibleName(/Ajouter une pièce justificative/);
    // Achieved without evidence is reported; the evidence is checked on its content.
    await o1.getByLabel(/Ajouter une pièce justificative/).setInputFiles(path.resolve("e2e/files/virus.pdf"));
    await expect(o1.getByText("Le fichier « virus.pdf » n'est pas un PDF valide (contenu : exécutable).")).toBeVisible();
    // The field, disabled while the file was sent, has the focus back, with its message.
    await expect(o1.getByLabel(/Ajouter une pièce justificative/)).toBeFocused();
    await expect(o1.getByLabel(/Ajouter une pièce justificative/)).toHaveAccessibleDescription(/n'est pas un PDF valide/);
    await o1.getByLabel(/Ajouter une pièce justificative/).setInputFiles(path.resolve("e2e/files/procedure-habilitations.pdf"));
    await expect(o1.getByRole("link", { name: "procedure-habilitations.pdf" })).toBeVisible();
    await expect(o1.getByText(`« procedure-habilitations.pdf » est ajouté aux pièces de l'objectif ${first!.code}.`)).toBeAttached();
    await expect(o1.getByLabel(/Ajouter une pièce justificative/)).toBeFocused();
    // The same file again, under another name, is refused, naming the one already there.
    const habilitations = readFileSync(path.resolve("e2e/files/procedure-habilitations.pdf"));
    await o1
      .getByLabel(/Ajouter une pièce justificative/)
      .setInputFiles({ name: "copie.pdf", mimeType: "application/pdf", buffer: habilitations });
    await expect(o1.getByText(/^Ce fichier est déjà joint \(« procedure-habilitations\.pdf », ajouté le .+\)\.$/)).toBeVisible();
    // A file sent by mistake is removed; the focus, whose button is gone, goes back to the field.
    await o1.getByLabel(/Ajouter une pièce justificative/).setInputFiles({
      name: "brouillon.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.concat([habilitations, Buffer.from("\n% brouillon\n")]),
    });
    await o1.getByRole("button", { name: /^Supprimer brouillon\.pdf, ajouté le / }).click();
    await expect(o1.getByText(`« brouillon.pdf » est supprimé des pièces de l'objectif ${first!.code}.`)).toBeAttached();
    await expect(o1.getByRole("link", { name: "brouillon.pdf" })).toHaveCount(0);
    await expect(o1.getByLabel(/Ajouter une pièce justificative/)).toBeFocused();
    const o2 = page.locator(`#objective-${second!.code}`);
    await o2.getByText("En cours", { exact: true }).click();
    await o2.getByLabel("Date cible").fill("2027-06-30");
    await o2.getByLabel("Explication").fill("e-CPS pour 30 salariés sur 38.");
    await waitSaved(page);

    await page.getByRole("navigation", { name: "vous êtes ici :" }).getByRole("link", { name: "Clés FIDO2 pour tout l'EHPAD" }).click();
    await expect(page.getByText("Le dossier est complet : vous pouvez le déposer.")).toBeVisible();
    // A screen reader reads the title as it is when it takes the focus, not as it is once the page has caught up.
    await page.evaluate(() => {
      document.addEventListener("focusin", (event) => {
        const target = event.target as HTMLElement;
        const record = window as unknown as { titleOnFocus?: string };
        if (target.matches("main h1")) record.titleOnFocus ??= target.textContent ?? "";
      });
    });
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Déposer le dossier" }).click();
    await expect(page.getByText("Dossier déposé")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Déposé");
    // The button went with the draft: the page's title takes the focus once it says the new state.
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    expect(await page.evaluate(() => (window as unknown as { titleOnFocus?: string }).titleOnFocus)).toContain("Déposé");
    // What comes next, for a director who has never been through an instruction.
    await expect(page.getByRole("region", { name: "Et ensuite ?" })).toContainText("Votre dossier est maintenant instruit par l'ANS.");

    const submission = await e2eDb.submission.findFirstOrThrow({ where: { applicationId: id } });
    await expect(page.getByText(submission.contentHash)).toBeVisible();
    // The receipt is rendered by the job queue: announced meanwhile, then the page shows its link.
    const receiptLink = page.getByRole("link", { name: "Télécharger l'accusé de réception (PDF)" });
    await expect(page.getByText("L'accusé de réception est en cours de génération").or(receiptLink)).toBeVisible();
    await expect(receiptLink).toBeVisible({ timeout: 30_000 });
    const email = await e2eDb.outboxEmail.findFirstOrThrow({ where: { dedupeKey: { startsWith: `receipt:${submission.id}` } } });
    expect(email.to).toBe(director.email);
    expect(email.subject).toContain("Accusé de réception");
    expect(email.text).toContain(submission.contentHash);
    // With French spacing, as sent (no-break spaces before « ? » and « : »).
    expect(email.text).toContain("Et ensuite\u00a0? Votre dossier est maintenant instruit par l'ANS.");
    expect(email.text).toContain(`Référence du dossier\u00a0: ${reference}`);
    expect(email.files).toEqual([
      expect.objectContaining({ contentType: "application/pdf", fileName: expect.stringContaining(`-${reference}.pdf`) }),
    ]);

    const download = page.waitForEvent("download");
    await receiptLink.click();
    const pdf = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of pdf) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe("%PDF-");

    // Locked: the form is read-only and the API refuses changes.
    const refused = await page.request.put(`/api/applications/${id}/sections/project`, {
      data: { expectedVersion: 1, data: { projectTitle: "Changé après dépôt", projectSummary: "" } },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error.message).toContain("n'est plus modifiable");

    // The journal lists what the director did, under the dossier's reference, in French (ADR 0039):
    // each section once (its saves of a few minutes merged), the files by objective, not by name.
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    const managerContext = await browser.newContext();
    await signInAs(managerContext, manager.id);
    const journal = await managerContext.newPage();
    await journal.goto(`/pilotage/journal?target=${reference}`);
    const rows = journal.getByRole("table", { name: "Événements du journal d'audit" }).getByRole("row");
    const byDirector = (action: string) => rows.filter({ hasText: action }).filter({ hasText: director.email });
    await expect(byDirector("Section du dossier enregistrée")).toHaveCount(8);
    await expect(byDirector("Section du dossier enregistrée").filter({ hasText: "Section : Projet" })).toHaveCount(1);
    await expect(byDirector("Pièce jointe ajoutée au dossier").filter({ hasText: `Objectif : ${first!.code}` })).toHaveCount(2);
    await expect(byDirector("Pièce jointe retirée du dossier").filter({ hasText: `Objectif : ${first!.code}` })).toHaveCount(1);
    await expect(byDirector("Accusé de réception téléchargé").filter({ hasText: `Dossier ${reference}` })).toHaveCount(1);
    await expect(journal.getByText(/brouillon|procedure-habilitations/)).toHaveCount(0);
    await managerContext.close();
  });

  test("removing a partner from the keyboard leaves the focus on the partner that takes its place, then on the add button", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id, name: "Directrice Partenaires" });
    const { id } = await createDraft(e2eDb, establishment.id, await createOpenWave(e2eDb));
    await signInAs(context, director.id);
    await page.goto(`/dossiers/${id}`);
    await page.getByRole("link", { name: "Partenaires technologiques" }).click();
    const add = page.getByRole("button", { name: "Ajouter un partenaire" });
    await waitForHydration(add);
    for (const name of ["Premier éditeur", "Second éditeur"]) {
      await add.click();
      // The new partner's first field takes the focus.
      await page.keyboard.type(name);
    }
    const names = page.getByLabel("Nom", { exact: true });
    await expect(names).toHaveCount(2);

    await page.getByRole("button", { name: "Retirer « Partenaire 1 »" }).focus();
    await page.keyboard.press("Enter");
    await expect(names).toHaveCount(1);
    await expect(names).toBeFocused();
    await expect(names).toHaveValue("Second éditeur");

    await page.getByRole("button", { name: "Retirer « Partenaire 1 »" }).focus();
    await page.keyboard.press("Enter");
    await expect(names).toHaveCount(0);
    await expect(add).toBeFocused();
  });

  test("« Retirer le dossier » says whether its panel is open, and « Annuler » gives the focus back to it", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id, name: "Directrice Retrait" });
    const { id } = await createDraft(e2eDb, establishment.id, await createOpenWave(e2eDb));
    await signInAs(context, director.id);
    await page.goto(`/dossiers/${id}`);
    const withdraw = page.getByRole("button", { name: "Retirer le dossier", exact: true });
    await waitForHydration(withdraw);
    await expect(withdraw).toHaveAttribute("aria-expanded", "false");
    const panelId = await withdraw.getAttribute("aria-controls");
    expect(panelId).toBeTruthy();
    const panel = page.locator(`[id="${panelId}"]`);

    await withdraw.focus();
    await page.keyboard.press("Enter");
    await expect(withdraw).toHaveAttribute("aria-expanded", "true");
    await expect(panel.getByRole("heading", { name: "Retirer le dossier" })).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);

    await panel.getByRole("button", { name: "Annuler" }).focus();
    await page.keyboard.press("Enter");
    await expect(panel.getByRole("heading", { name: "Retirer le dossier" })).toHaveCount(0);
    await expect(withdraw).toBeFocused();
    await expect(withdraw).toHaveAttribute("aria-expanded", "false");
    // Escape closes it too, from any of its controls, as it closes the score sheet's confirmation.
    await page.keyboard.press("Enter");
    await panel.getByRole("textbox").focus();
    await page.keyboard.press("Escape");
    await expect(panel.getByRole("heading", { name: "Retirer le dossier" })).toHaveCount(0);
    await expect(withdraw).toBeFocused();
    expect((await e2eDb.application.findUniqueOrThrow({ where: { id }, select: { state: true } })).state).toBe("DRAFT");
  });

  test("an amount the autosave refuses is said once, by the section's status", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id, name: "Directrice Montant" });
    const { id } = await createDraft(e2eDb, establishment.id, await createOpenWave(e2eDb));
    await signInAs(context, director.id);
    await page.goto(`/dossiers/${id}/budget`);
    const add = page.getByRole("button", { name: "Ajouter une ligne" });
    await waitForHydration(add);
    await add.click();
    await page.getByLabel("Montant demandé (€)").fill("douze");
    await page.keyboard.press("Tab");
    const status = page.getByTestId("autosave-status");
    await expect(status).toContainText("Corrigez les champs signalés : vos saisies sont conservées sur cet appareil.");
    // Its live region says it; the DSFR alert within takes no role alert, which would say it again.
    expect(await timesAnnounced(page, "Corrigez les champs signalés : vos saisies sont conservées sur cet appareil.")).toBe(1);
  });

  test("a confirmed « Retirer le dossier » gives the focus to the page's title, which says the new state", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id, name: "Directrice Retrait Confirmé" });
    const { id } = await createDraft(e2eDb, establishment.id, await createOpenWave(e2eDb));
    await signInAs(context, director.id);
    await page.goto(`/dossiers/${id}`);
    const withdraw = page.getByRole("button", { name: "Retirer le dossier", exact: true });
    await waitForHydration(withdraw);

    // A screen reader reads the title as it is when it takes the focus, not as it is once the page has caught up.
    await page.evaluate(() => {
      document.addEventListener("focusin", (event) => {
        const target = event.target as HTMLElement;
        const record = window as unknown as { titleOnFocus?: string };
        if (target.matches("main h1")) record.titleOnFocus ??= target.textContent ?? "";
      });
    });
    await withdraw.focus();
    await page.keyboard.press("Enter");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Confirmer" }).focus();
    await page.keyboard.press("Enter");
    const title = page.getByRole("heading", { level: 1 });
    await expect(title).toBeFocused();
    expect(await page.evaluate(() => (window as unknown as { titleOnFocus?: string }).titleOnFocus)).toContain("Retiré");
    await expect(withdraw).toHaveCount(0);
    expect((await e2eDb.application.findUniqueOrThrow({ where: { id }, select: { state: true } })).state).toBe("WITHDRAWN");
  });

  test("a message sent from the keyboard is announced and joins the thread; a refused one is kept; the focus stays in the field", async ({
    page,
    context,
  }) => {
    const wave = await createReviewWave(e2eDb);
    const dossier = await createSubmittedDossier(e2eDb, wave, { name: "EHPAD Les Messages" });
    await signInAs(context, dossier.director.userId);
    await page.goto(`/dossiers/${dossier.id}`);
    const field = page.getByLabel("Votre message");
    const send = page.getByRole("button", { name: "Envoyer", exact: true });
    await waitForHydration(field);

    await field.fill("Nous avons joint le calendrier de déploiement.");
    await send.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText(/^Message envoyé/)).toBeVisible();
    // Said once, by the form's live region: the alert within takes no role status, which would say it again.
    expect(await timesAnnounced(page, "Message envoyé")).toBe(1);
    await expect(page.locator("article").getByText("Nous avons joint le calendrier de déploiement.")).toBeVisible();
    await expect(field).toBeFocused();
    await expect(field).toHaveValue("");

    // The field says its limit, and stops there.
    await expect(field).toHaveAccessibleName(/^Votre message.*\(8\s000 caractères au plus\)$/);
    await expect(field).toHaveAttribute("maxlength", "8000");
    // Refused by the server (too long, from a browser that let it through): said where a screen
    // reader hears it, with the French thousands separator, and nothing typed is lost.
    await field.evaluate((textArea) => textArea.removeAttribute("maxlength"));
    const tooLong = "a".repeat(8001);
    await field.fill(tooLong);
    await send.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("[aria-live=polite]").getByText("Le message dépasse 8\u202f000 caractères.")).toBeVisible();
    expect(await timesAnnounced(page, "Le message dépasse 8\u202f000 caractères.")).toBe(1);
    await expect(page.getByText(/^Message envoyé/)).toHaveCount(0);
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(tooLong);
  });

  test("a submission within the deadline's displayed minute is received, by the server's clock", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const wave = await createOpenWave(e2eDb);
    const { id } = await createDraft(e2eDb, establishment.id, wave);
    await fillDossier(e2eDb, id, wave.objectives);
    // The wave closes at the current minute, shown « … à 23 h 59 »: its remaining seconds still count.
    // Started early in a minute, so that a slow machine's page load still submits within it (the
    // wait for the next minute can take 40 s of the test's time).
    test.setTimeout(120_000);
    const MINUTE = 60_000;
    if (Date.now() % MINUTE > 20_000) await page.waitForTimeout(MINUTE - (Date.now() % MINUTE) + 500);
    const closesAt = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
    await e2eDb.wave.update({ where: { id: wave.waveId }, data: { closesAt } });
    await signInAs(context, director.id);

    await page.goto(`/dossiers/${id}`);
    await expect(page.getByText(`Date limite de dépôt : ${formatParisDateTime(closesAt)} (heure de Paris).`)).toBeVisible();
    await expect(page.getByText("Le dossier est complet : vous pouvez le déposer.")).toBeVisible();
    const response = await page.request.post(`/api/applications/${id}/submission`, {
      data: { idempotencyKey: crypto.randomUUID() },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(response.ok()).toBe(true);
    const { receivedAt } = await response.json();
    expect(new Date(receivedAt) >= closesAt).toBe(true);
    expect((await e2eDb.application.findUniqueOrThrow({ where: { id } })).state).toBe("SUBMITTED");
  });

  test("a submission one second after the deadline's minute is refused, by the server's clock", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const wave = await createOpenWave(e2eDb);
    const { id } = await createDraft(e2eDb, establishment.id, wave);
    await fillDossier(e2eDb, id, wave.objectives);
    await e2eDb.wave.update({ where: { id: wave.waveId }, data: { closesAt: new Date(Date.now() - 61_000) } });
    await signInAs(context, director.id);

    await page.goto(`/dossiers/${id}`);
    await expect(page.getByText("La date limite de dépôt est passée : le dossier ne peut plus être déposé.")).toBeVisible();
    const response = await page.request.post(`/api/applications/${id}/submission`, {
      data: { idempotencyKey: crypto.randomUUID() },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(response.status()).toBe(409);
    const body = await response.json();
    expect(body.error.code).toBe("DEADLINE_PASSED");
    expect(body.error.message).toMatch(/^La date limite de dépôt était le .* \(heure de Paris\)/);
    expect(await e2eDb.submission.count({ where: { applicationId: id } })).toBe(0);
    expect((await e2eDb.application.findUniqueOrThrow({ where: { id } })).state).toBe("DRAFT");
  });

  test("after the deadline, an incomplete draft says the deadline has passed, not what to complete", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const wave = await createOpenWave(e2eDb);
    const { id } = await createDraft(e2eDb, establishment.id, wave);
    await e2eDb.wave.update({ where: { id: wave.waveId }, data: { closesAt: new Date(Date.now() - 61_000) } });
    await signInAs(context, director.id);

    const errors = watchPageErrors(page);
    await page.goto(`/dossiers/${id}`);
    const deposit = page.getByRole("region", { name: "Dépôt" });
    await expect(deposit.getByText("La date limite de dépôt est passée : le dossier ne peut plus être déposé.")).toBeVisible();
    await expect(deposit.getByText("Avant de déposer, complétez :")).toHaveCount(0);
    await expect(deposit.getByTestId("missing-items")).toHaveCount(0);
    await expect(deposit.getByRole("button", { name: "Déposer le dossier" })).toBeDisabled();
    await expectNoPageErrors(page, errors);
  });

  test("ten parallel submissions make one submission and one e-mail", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const wave = await createOpenWave(e2eDb);
    const { id } = await createDraft(e2eDb, establishment.id, wave);
    await fillDossier(e2eDb, id, wave.objectives);
    await signInAs(context, director.id);
    await page.goto(`/dossiers/${id}`);

    const origin = new URL(page.url()).origin;
    // Half retry one request (same key); a fixed key would be taken by the previous run under --repeat-each.
    const retriedKey = crypto.randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        page.request.post(`/api/applications/${id}/submission`, {
          data: { idempotencyKey: index < 5 ? retriedKey : crypto.randomUUID() },
          headers: { Origin: origin },
        }),
      ),
    );
    expect(responses.map((response) => response.status())).toEqual(Array(10).fill(200));
    const receipts = await Promise.all(responses.map((response) => response.json()));
    expect(new Set(receipts.map((receipt) => receipt.submissionId)).size).toBe(1);
    expect(await e2eDb.submission.count({ where: { applicationId: id } })).toBe(1);
    // One receipt e-mail, once the receipt job has run (and never a second one after).
    await expect
      .poll(() => e2eDb.outboxEmail.count({ where: { dedupeKey: { startsWith: `receipt:${receipts[0].submissionId}` } } }), {
        timeout: 30_000,
      })
      .toBe(1);
    await expect.poll(async () => (await e2eDb.submission.findFirstOrThrow({ where: { applicationId: id } })).receiptKey).not.toBeNull();
    expect(await e2eDb.outboxEmail.count({ where: { dedupeKey: { startsWith: `receipt:${receipts[0].submissionId}` } } })).toBe(1);
  });

  test("two members editing at once lose nothing: different fields merge, the same field asks", async ({ browser }) => {
    const establishment = await createEstablishment(e2eDb);
    const [alice, bruno] = [
      await createUser(e2eDb, { establishmentId: establishment.id, name: "Alice Directrice" }),
      await createUser(e2eDb, { establishmentId: establishment.id, membershipRole: "EDITOR", name: "Bruno Coéditeur" }),
    ];
    const wave = await createOpenWave(e2eDb);
    const { id } = await createDraft(e2eDb, establishment.id, wave);
    const [aliceContext, brunoContext] = [await browser.newContext(), await browser.newContext()];
    await signInAs(aliceContext, alice.id);
    await signInAs(brunoContext, bruno.id);
    const [a, b] = [await aliceContext.newPage(), await brunoContext.newPage()];
    await a.goto(`/dossiers/${id}/projet`);
    await b.goto(`/dossiers/${id}/projet`);
    await waitForHydration(a.getByLabel("Titre du projet"));
    await waitForHydration(b.getByLabel(/Résumé du projet/));

    // Different fields: both kept.
    await a.getByLabel("Titre du projet").fill("Titre d'Alice");
    await waitSaved(a);
    await b.getByLabel(/Résumé du projet/).fill("Résumé de Bruno");
    await expect(b.getByText("Alice Directrice a modifié d'autres champs de cette section")).toBeVisible();
    await waitSaved(b);
    await expect(b.getByLabel("Titre du projet")).toHaveValue("Titre d'Alice");
    let stored = await e2eDb.application.findUniqueOrThrow({ where: { id } });
    expect([stored.projectTitle, stored.projectSummary]).toEqual(["Titre d'Alice", "Résumé de Bruno"]);

    // The same field: Bruno is shown both versions and chooses.
    await a.reload();
    await waitForHydration(a.getByLabel("Titre du projet"));
    await a.getByLabel("Titre du projet").fill("Nouveau titre d'Alice");
    await waitSaved(a);
    await b.getByLabel("Titre du projet").fill("Titre de Bruno");
    await expect(b.getByText("Cette section a été modifiée entre-temps")).toBeVisible();
    // Named as the form labels it, with Bruno's text beside the saved one.
    await expect(b.getByRole("row", { name: "Titre du projet Titre de Bruno Nouveau titre d'Alice" })).toBeVisible();
    stored = await e2eDb.application.findUniqueOrThrow({ where: { id } });
    expect(stored.projectTitle).toBe("Nouveau titre d'Alice");
    await b.getByRole("button", { name: "Garder ma version" }).click();
    await waitSaved(b);
    stored = await e2eDb.application.findUniqueOrThrow({ where: { id } });
    expect([stored.projectTitle, stored.projectSummary]).toEqual(["Titre de Bruno", "Résumé de Bruno"]);
    await aliceContext.close();
    await brunoContext.close();
  });

  test("a conflict stays open until the person chooses, even when other fields were changed too: nothing saves itself meanwhile", async ({
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const wave = await createOpenWave(e2eDb);
    const { id } = await createDraft(e2eDb, establishment.id, wave);
    await signInAs(context, director.id);
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const tab of [a, b]) {
      await tab.goto(`/dossiers/${id}/projet`);
      await waitForHydration(tab.getByLabel(/Résumé du projet/));
    }
    await b.getByLabel("Titre du projet").fill("Titre de l'onglet B");
    await waitSaved(b);

    // Tab A, still on the older version, changes the same field and another one.
    const saves: string[] = [];
    a.on("request", (request) => {
      if (request.method() === "PUT" && request.url().includes(`/api/applications/${id}/sections/`)) saves.push(request.url());
    });
    await a.getByLabel("Titre du projet").fill("Titre de l'onglet A");
    await a.getByLabel(/Résumé du projet/).fill("Résumé de l'onglet A");
    const conflict = a.getByText("Cette section a été modifiée entre-temps");
    await expect(conflict).toBeVisible();
    expect(saves).toHaveLength(1);
    // Well past the pause after which a change saves itself: the choice is still there, nothing was sent.
    await a.waitForTimeout(3000);
    await expect(conflict).toBeVisible();
    expect(saves).toHaveLength(1);
    await expect(a.getByTestId("autosave-status")).not.toContainText("Enregistré à");
    let stored = await e2eDb.application.findUniqueOrThrow({ where: { id } });
    expect(stored.projectTitle).toBe("Titre de l'onglet B");
    // The backup on this device keeps tab A's version of the field both changed.
    const backup = await a.evaluate(() =>
      Object.entries(window.localStorage)
        .filter(([key]) => key.startsWith("hc-brouillon:"))
        .map(([, value]) => value),
    );
    expect(backup.join()).toContain("Titre de l'onglet A");

    await a.getByRole("button", { name: "Garder ma version" }).click();
    await waitSaved(a);
    stored = await e2eDb.application.findUniqueOrThrow({ where: { id } });
    expect([stored.projectTitle, stored.projectSummary]).toEqual(["Titre de l'onglet A", "Résumé de l'onglet A"]);
  });

  test("text typed when the session has expired is kept and saved after signing in again", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const wave = await createOpenWave(e2eDb);
    const { id } = await createDraft(e2eDb, establishment.id, wave);
    const sessionId = await signInAs(context, director.id);
    await page.goto(`/dossiers/${id}/projet`);
    await waitForHydration(page.getByLabel("Titre du projet"));

    await e2eDb.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    await page.getByLabel("Titre du projet").fill("Texte tapé après expiration");
    await expect(page.getByText("Votre session a expiré")).toBeVisible();

    // Even a reload keeps the text, offered back from this browser.
    await signInAs(context, director.id);
    await page.reload();
    await expect(page.getByText("Des saisies non enregistrées ont été retrouvées")).toBeVisible();
    await page.getByRole("button", { name: "Les restaurer" }).click();
    await waitSaved(page);
    expect((await e2eDb.application.findUniqueOrThrow({ where: { id } })).projectTitle).toBe("Texte tapé après expiration");
  });
});
