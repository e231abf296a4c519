import { expect, test } from "@playwright/test";
import { extractPdfText } from "@/lib/applications/testing/pdf-text";
import { expectNoSeriousAccessibilityViolation, timesAnnounced } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { waitForHydration } from "./fixtures/hydration";
import { createReviewer, createReviewWave, createScoredDossier, createUser, directorOf } from "@/test/factories";
import { signInAs } from "./fixtures/sessions";

/**
 * Decisions end to end, in Chromium: a manager ranks the wave's scored dossiers, proposes within
 * and beyond the envelope (a reason is asked), releases; the director sees « retenu » only then
 * and downloads a letter whose text holds the criterion table and no reviewer's name, signed by
 * the signatory the manager set (the release is refused until then).
 */
test.use({ viewport: { width: 1280, height: 900 } });

test("a manager ranks, proposes within and beyond the envelope, releases; the director then sees the decision and its letter", async ({
  browser,
}) => {
  test.slow(); // A whole decision round: the ranking, proposals, a release, then the director's letter.
  // Each dossier asks 12 500 €; the envelope holds 20 000 €.
  const wave = await createReviewWave(e2eDb);
  // No signatory yet: the manager sets one when the release asks for it.
  await e2eDb.wave.update({
    where: { id: wave.waveId },
    data: { fundingEnvelopeCents: 2_000_000n, letterSignatoryName: null, letterSignatoryTitle: null },
  });
  const [alice, bruno] = [await createReviewer(e2eDb, { name: "Alice Secrète" }), await createReviewer(e2eDb, { name: "Bruno Discret" })];
  const first = await createScoredDossier(
    e2eDb,
    wave,
    [
      { reviewerId: alice.userId, value: 4 },
      { reviewerId: bruno.userId, value: 3 },
    ],
    { name: "EHPAD Les Mimosas" },
  );
  const second = await createScoredDossier(
    e2eDb,
    wave,
    [
      { reviewerId: alice.userId, value: 2 },
      { reviewerId: bruno.userId, value: 1 },
    ],
    { name: "EHPAD Les Bleuets" },
  );
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER", name: "Pilote Décisions" });
  const director = await directorOf(e2eDb, first.establishment.id);
  const [managerContext, directorContext] = [await browser.newContext(), await browser.newContext()];
  await signInAs(managerContext, manager.id);
  await signInAs(directorContext, director.userId);
  const [asManager, asDirector] = [await managerContext.newPage(), await directorContext.newPage()];

  await asManager.goto(`/pilotage/vagues/${wave.waveId}/decisions`);
  await expect(asManager.getByRole("heading", { level: 1, name: "Décisions" })).toBeVisible();
  const ranking = asManager.getByRole("table", { name: "Classement des dossiers évalués" });
  // Ranked by the normalised aggregate, best first.
  await expect(ranking.getByRole("rowheader").nth(0)).toContainText("EHPAD Les Mimosas");
  await expect(ranking.getByRole("rowheader").nth(1)).toContainText("EHPAD Les Bleuets");
  // The sort is said by the header a screen reader is on: the sorted column, its direction; the
  // others that can be sorted, that they are not; the rest, nothing.
  const normalised = ranking.getByRole("columnheader", { name: /Note normalisée/ });
  await expect(normalised).toHaveAttribute("aria-sort", "descending");
  await ranking.getByRole("button", { name: /Note normalisée/ }).click();
  await expect(asManager).toHaveURL(/sort=normalised&dir=asc/);
  await expect(ranking.getByRole("rowheader").nth(0)).toContainText("EHPAD Les Bleuets");
  await expect(normalised).toHaveAttribute("aria-sort", "ascending");
  await expect(ranking.getByRole("columnheader", { name: /Établissement/ })).toHaveAttribute("aria-sort", "none");
  await expect(ranking.getByRole("columnheader", { name: "Décision" })).not.toHaveAttribute("aria-sort");
  await expectNoSeriousAccessibilityViolation(asManager);

  // Within the envelope, quoting one comment.
  await ranking.getByRole("link", { name: "EHPAD Les Mimosas" }).click();
  await expect(asManager.getByRole("heading", { level: 1 })).toContainText("EHPAD Les Mimosas");
  await expectNoSeriousAccessibilityViolation(asManager);
  await asManager.getByLabel("Montant accordé (€)").fill("12 000");
  await asManager.getByLabel("Conditions (facultatif)").fill("Versement sur justificatifs de déploiement.");
  // DSFR draws the box over the input: the label takes the click.
  await asManager.getByRole("checkbox").first().check({ force: true });
  await asManager.getByRole("button", { name: "Enregistrer la proposition" }).click();
  await expect(asManager.getByText("Proposition enregistrée.")).toBeVisible();

  // Beyond it: the reason is asked, then accepted.
  await asManager.goto(`/pilotage/vagues/${wave.waveId}/decisions/${second.id}`);
  const amount = asManager.getByLabel("Montant accordé (€)");
  // A phone opens its keypad with the decimal comma for an amount in euros and cents.
  await expect(amount).toHaveAttribute("inputmode", "decimal");
  await waitForHydration(amount);
  await amount.fill("10 000");
  await asManager.getByRole("button", { name: "Enregistrer la proposition" }).click();
  await expect(asManager.getByText(/au-delà de l'enveloppe de la vague/).first()).toBeVisible();
  await asManager.getByLabel("Justification du dépassement de l'enveloppe").fill("Crédits complémentaires votés en comité.");
  await asManager.getByRole("button", { name: "Enregistrer la proposition" }).click();
  await expect(asManager.getByText("Proposition enregistrée.")).toBeVisible();
  expect(await e2eDb.auditEvent.count({ where: { action: "decision.envelope_overridden", targetId: second.id } })).toBe(1);

  // Staged: nothing for the applicant yet.
  await asDirector.goto(`/dossiers/${first.id}`);
  await expect(asDirector.getByRole("heading", { level: 1 })).toContainText("Évalué");
  await expect(asDirector.getByText("Dossier retenu")).toHaveCount(0);

  await asManager.goto(`/pilotage/vagues/${wave.waveId}/decisions`);
  await expect(asManager.getByText(/22\s000\s€ accordés par les propositions sur 20\s000\s€/)).toBeVisible();
  await expect(asManager.getByText(/n'ont pas encore de signataire/)).toBeVisible();
  asManager.once("dialog", (dialog) => void dialog.accept());
  await asManager.getByRole("button", { name: "Publier les décisions proposées (2)" }).click();
  await expect(asManager.getByText(/n'ont pas de signataire : renseignez son prénom, son nom et sa qualité/)).toBeVisible();
  expect((await e2eDb.application.findUniqueOrThrow({ where: { id: first.id } })).state).toBe("SCORED");

  const signatory = asManager.getByRole("form", { name: "Signataire des notifications de décision" });
  await signatory.getByRole("button", { name: "Enregistrer le signataire" }).click();
  await expect(signatory.getByLabel("Prénom et nom")).toHaveAccessibleDescription(/Indiquez le prénom et le nom du signataire\./);
  await signatory.getByLabel("Prénom et nom").fill("Anne Moreau");
  await signatory.getByLabel("Qualité").fill("Directrice générale de l'Agence du Numérique en Santé");
  await signatory.getByRole("button", { name: "Enregistrer le signataire" }).click();
  await expect(signatory.getByText("Signataire enregistré.")).toBeVisible();
  await expect(asManager.getByText(/n'ont pas encore de signataire/)).toHaveCount(0);
  expect(await e2eDb.auditEvent.count({ where: { action: "wave.letter_signatory_changed", targetId: wave.waveId } })).toBe(1);
  await expectNoSeriousAccessibilityViolation(asManager);

  asManager.once("dialog", (dialog) => void dialog.accept());
  await asManager.getByRole("button", { name: "Publier les décisions proposées (2)" }).click();
  await expect(asManager.getByText("2 décisions publiées.")).toBeVisible();
  // The button, disabled now that nothing is left to publish, gave up the focus: the outcome has it.
  await expect(asManager.locator(":focus")).toContainText("2 décisions publiées.");
  // Said once, by the focus: neither a live region nor the alert's own role says it again.
  expect(await timesAnnounced(asManager, "2 décisions publiées.")).toBe(1);
  expect((await e2eDb.application.findUniqueOrThrow({ where: { id: first.id } })).state).toBe("SELECTED");

  await asDirector.reload();
  await expect(asDirector.getByText("Dossier retenu")).toBeVisible();
  await expectNoSeriousAccessibilityViolation(asDirector);
  const download = asDirector.waitForEvent("download");
  await asDirector.getByRole("link", { name: "Télécharger la lettre de décision (PDF)" }).click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
  const text = extractPdfText(Buffer.concat(chunks))
    .join("\n")
    .replace(/[\u00a0\u202f]/g, " ");
  expect(text).toContain("Votre dossier est retenu.");
  expect(text).toContain("Montant accordé : 12 000 €");
  for (const header of ["Critère", "Pondération", "Note moyenne", "Points sur 100"]) expect(text).toContain(header);
  for (const criterion of wave.criteria) expect(text).toContain(`${criterion.code} – `);
  expect(text).toMatch(/« Note [34] motivée\. »/);
  expect(text).not.toMatch(/Alice|Bruno|Secrète|Discret/);
  expect(text).toContain("Pour l'Agence du Numérique en Santé,\nAnne Moreau\nDirectrice générale de l'Agence du Numérique en Santé");

  await managerContext.close();
  await directorContext.close();
});

test("the demo's decisions released earlier download the letter the app stored, with its hash", async ({ browser }) => {
  const decision = await e2eDb.decision.findFirstOrThrow({
    where: { outcome: "REJECTED", releasedAt: { not: null } },
    orderBy: { releasedAt: "asc" },
    select: { applicationId: true, letterHash: true },
  });
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
  const context = await browser.newContext();
  await signInAs(context, manager.id);
  const page = await context.newPage();
  await page.goto(`/dossiers/${decision.applicationId}`);
  await expect(page.getByText("Dossier non retenu")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger la lettre de décision (PDF)" }).click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
  const text = extractPdfText(Buffer.concat(chunks)).join(" ").replace(/\s+/g, " ");
  expect(text).toContain("Votre dossier n'est pas retenu.");
  expect(text).toContain(decision.letterHash!);
  await context.close();
});

test("a dossier still under review says where it stands on its decision page, with no proposal form", async ({ page, context }) => {
  const wave = await createReviewWave(e2eDb);
  const reviewer = await createReviewer(e2eDb);
  const dossier = await createScoredDossier(e2eDb, wave, [{ reviewerId: reviewer.userId, value: 3 }]);
  await e2eDb.application.update({ where: { id: dossier.id }, data: { state: "UNDER_REVIEW" } });
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
  await signInAs(context, manager.id);
  await page.goto(`/pilotage/vagues/${wave.waveId}/decisions/${dossier.id}`);
  const proposal = page.getByRole("region", { name: "Proposition" });
  await expect(proposal).toContainText(
    "Ce dossier est à l'état « En instruction » : une décision se propose une fois le dossier « Évalué »",
  );
  await expect(proposal).not.toContainText("publiée");
  await expect(proposal.getByRole("button")).toHaveCount(0);
});

test("a proposal refused for want of reasons says so once, on the field; its success is said once too", async ({ page, context }) => {
  const wave = await createReviewWave(e2eDb);
  const reviewer = await createReviewer(e2eDb);
  const dossier = await createScoredDossier(e2eDb, wave, [{ reviewerId: reviewer.userId, value: 3 }], { name: "ITEP La Passerelle" });
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
  await signInAs(context, manager.id);
  await page.goto(`/pilotage/vagues/${wave.waveId}/decisions/${dossier.id}`);
  const refused = page.getByRole("radio", { name: "Non retenu" });
  await waitForHydration(refused);
  await refused.check({ force: true });
  await page.getByRole("button", { name: "Enregistrer la proposition" }).click();
  const reasons = page.getByLabel("Motifs (obligatoire)");
  const message = "Motivez la décision : ces motifs figureront dans la lettre.";
  // Said by the field the focus lands on (its description), not by a live region besides.
  await expect(reasons).toBeFocused();
  await expect(reasons).toHaveAccessibleDescription(/^Motivez la décision : ces motifs figureront dans la lettre\./);
  expect(await timesAnnounced(page, message)).toBe(1);

  // What the letter's fonts cannot print is refused before it reaches the letter; « ≥ » prints « >= ».
  await reasons.fill("Projet hors du périmètre 🙅 ; taux ≥ 80 % non atteint (東).");
  await page.getByRole("button", { name: "Enregistrer la proposition" }).click();
  await expect(reasons).toBeFocused();
  await expect(reasons).toHaveAccessibleDescription(
    /^La lettre de décision ne peut pas imprimer « 🙅 », « 東 » : retirez-les ou remplacez-les\./,
  );

  await reasons.fill("Projet hors du périmètre de la vague.");
  await page.getByRole("button", { name: "Enregistrer la proposition" }).click();
  await expect(page.getByText("Proposition enregistrée.")).toBeVisible();
  expect(await timesAnnounced(page, "Proposition enregistrée.")).toBe(1);
});

test("a manager saves the ranking settings twice in a row on the same page: both are kept, neither is taken for someone else's", async ({
  page,
  context,
}) => {
  const wave = await createReviewWave(e2eDb);
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
  await signInAs(context, manager.id);
  await page.goto(`/pilotage/vagues/${wave.waveId}/decisions`);
  const settings = page.getByRole("form", { name: "Paramètres du classement" });
  const threshold = settings.getByLabel("Seuil « à discuter » (écart-type, en points sur 100)");
  await waitForHydration(threshold);
  await threshold.fill("12,5");
  await settings.getByRole("button", { name: "Enregistrer les paramètres" }).click();
  await expect(settings.getByText("Paramètres du classement enregistrés.")).toBeVisible();
  await threshold.fill("17");
  await settings.getByRole("button", { name: "Enregistrer les paramètres" }).click();
  await expect(settings.getByText("Paramètres du classement enregistrés.")).toBeVisible();
  await expect(settings.getByText(/modifiée entre-temps/)).toHaveCount(0);
  expect((await e2eDb.wave.findUniqueOrThrow({ where: { id: wave.waveId }, select: { spreadThreshold: true } })).spreadThreshold).toBe(17);
});

test("a manager withdraws a proposal staged by mistake, after a confirmation: it leaves the release, audited", async ({
  page,
  context,
}) => {
  const wave = await createReviewWave(e2eDb);
  const reviewer = await createReviewer(e2eDb);
  const dossier = await createScoredDossier(e2eDb, wave, [{ reviewerId: reviewer.userId, value: 3 }], { name: "SAMSAH Horizons" });
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
  await signInAs(context, manager.id);
  await page.goto(`/pilotage/vagues/${wave.waveId}/decisions/${dossier.id}`);
  const refused = page.getByRole("radio", { name: "Non retenu" });
  await waitForHydration(refused);
  await refused.check({ force: true });
  await page.getByLabel("Motifs (obligatoire)").fill("x");
  await page.getByRole("button", { name: "Enregistrer la proposition" }).click();
  await expect(page.getByText("Proposition enregistrée.")).toBeVisible();

  // Escape closes the confirmation and gives the focus back: nothing is withdrawn.
  const withdraw = page.getByRole("button", { name: "Retirer la proposition" });
  await withdraw.click();
  const question = page.getByText("Retirer la proposition « Non retenu » ?");
  await expect(question).toBeFocused();
  await expectNoSeriousAccessibilityViolation(page);
  await page.keyboard.press("Escape");
  await expect(withdraw).toBeFocused();
  expect(await e2eDb.decision.count({ where: { applicationId: dossier.id, supersededAt: null } })).toBe(1);

  await withdraw.click();
  await page.getByRole("button", { name: "Confirmer le retrait" }).click();
  const notice = page.getByText("La proposition est retirée : elle ne sera pas publiée.");
  await expect(notice).toBeVisible();
  await expect(page.locator(":focus")).toContainText("La proposition est retirée");
  await expect(page.getByRole("button", { name: "Retirer la proposition" })).toHaveCount(0);
  expect(await e2eDb.decision.count({ where: { applicationId: dossier.id, supersededAt: null } })).toBe(0);
  expect(await e2eDb.auditEvent.count({ where: { action: "decision.withdrawn", targetId: dossier.id, actorId: manager.id } })).toBe(1);
});
