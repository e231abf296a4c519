import { randomUUID } from "node:crypto";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolation, expectUniqueLandmarks, timesAnnounced } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { E2E_BASE_URL } from "./fixtures/environment";
import { waitForHydration } from "./fixtures/hydration";
import { signInAs } from "./fixtures/sessions";
import { objectiveAnchor } from "@/lib/applications/anchors";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { VirtualAuthenticator } from "./fixtures/webauthn";
import { addSubmittedReviews, completeSheet, createReviewer, createReviewWave, createSubmittedDossier, createUser } from "@/test/factories";
import { createStaffInvitation } from "./fixtures/invitations";
import { expectNoPageErrors, watchPageErrors } from "./fixtures/page-errors";

/**
 * The review end to end, in Chromium: a reviewer signed in with a passkey declares their interests
 * and scores from the keyboard, independence between reviewers, a declared conflict, the
 * managers' automatic assignment, and an ARS reviewer kept to their region.
 */
test.use({ viewport: { width: 1280, height: 800 } });

/** A new ANS reviewer who accepts an invitation and is signed in with the passkey just registered. */
async function reviewerWithPasskey(page: Page, name: string): Promise<string> {
  await VirtualAuthenticator.attach(page);
  const invitation = await createStaffInvitation("REVIEWER");
  await page.goto(invitation.path);
  await waitForHydration(page.getByLabel("Vos prénom et nom"));
  await page.getByLabel("Vos prénom et nom").fill(name);
  await page.getByLabel("Nom de la clé").fill("Clé principale");
  await page.getByRole("button", { name: "Enregistrer ma clé d'accès" }).click();
  await expect(page.getByRole("link", { name })).toBeVisible();
  return (await e2eDb.user.findUniqueOrThrow({ where: { email: invitation.email } })).id;
}

async function assign(applicationId: string, reviewerId: string, tier: "REGIONAL" | "NATIONAL" = "NATIONAL") {
  await e2eDb.application.update({ where: { id: applicationId }, data: { state: "UNDER_REVIEW", version: { increment: 1 } } });
  return e2eDb.reviewerAssignment.create({ data: { applicationId, reviewerId, tier } });
}

/** Keyboard only: focus reaches the control, then keys do the rest. */
async function press(page: Page, target: ReturnType<Page["getByRole"]>, key: string) {
  await target.focus();
  await page.keyboard.press(key);
}

test.describe("review", () => {
  test("a reviewer declares no conflict, scores with the keyboard and submits; a second reviewer sees nothing of the first until submitting", async ({
    browser,
  }) => {
    const wave = await createReviewWave(e2eDb, { k: 2 });
    const dossier = await createSubmittedDossier(e2eDb, wave, { name: "EHPAD Les Glycines" });
    const firstContext = await browser.newContext();
    const first = await firstContext.newPage();
    const errors = watchPageErrors(first);
    const firstId = await reviewerWithPasskey(first, "Inès Instructrice");
    const second = await createReviewer(e2eDb, { name: "Bruno Second" });
    const firstAssignment = await assign(dossier.id, firstId);
    const secondAssignment = await assign(dossier.id, second.userId);

    await first.goto("/instruction");
    await expectNoSeriousAccessibilityViolation(first);
    await press(first, first.getByRole("link", { name: "EHPAD Les Glycines" }), "Enter");
    await expect(first.getByRole("heading", { name: "Déclaration d'intérêts" })).toBeVisible();
    // Nothing of the project before the declaration.
    await expect(first.getByText("Identification sécurisée des professionnels")).toHaveCount(0);
    await expectNoSeriousAccessibilityViolation(first);
    // Sent without an answer: the focus goes to the question, as for any field in error.
    await press(first, first.getByRole("button", { name: "Enregistrer ma déclaration" }), "Enter");
    await expect(first.getByRole("radio", { name: "Non, je n'ai aucun lien d'intérêts avec ce dossier" })).toBeFocused();
    await first.keyboard.press("Space");
    await press(first, first.getByRole("button", { name: "Enregistrer ma déclaration" }), "Enter");
    await expect(first.getByRole("heading", { name: "Grille d'évaluation" })).toBeVisible();
    // The form is gone with the declaration: what it recorded takes the focus.
    await expect(first.locator(":focus")).toContainText("Déclaration enregistrée : aucun lien d'intérêts.");
    await expect(first.getByText("Identification sécurisée des professionnels").first()).toBeVisible();
    await expectNoSeriousAccessibilityViolation(first);
    // The partners' section is not a region named like its table, itself one.
    await expectUniqueLandmarks(first);
    await expectNoPageErrors(first, errors);

    // Too early, « Transmettre » lists what is missing, each a link to its place, without asking to confirm first.
    await press(first, first.getByRole("button", { name: "Transmettre l'évaluation" }), "Enter");
    const missing = first.getByTestId("review-missing");
    await expect(first.getByRole("button", { name: "Confirmer la transmission" })).toHaveCount(0);
    await expect(missing.getByRole("link")).toHaveCount(wave.criteria.length + 1);
    // The list takes the focus, as an error summary does (the disabled button had lost it), and is
    // said by it only; the fields in error wait to be reached, without an assertive region each.
    await expect(first.locator(":focus")).toContainText("Évaluation incomplète");
    expect(await timesAnnounced(first, "Évaluation incomplète")).toBe(1);
    await expect(first.getByRole("form", { name: "Grille d'évaluation" }).locator("[aria-live=assertive]")).toHaveCount(0);
    await press(first, missing.getByRole("link").first(), "Enter");
    await expect(first.locator(`#critere-${wave.criteria[0]!.id}`)).toBeFocused();
    // Each is said on its field too, where the link leads (RGAA 11.10).
    await expect(first.locator(`#critere-${wave.criteria[0]!.id}`).getByText(/^Donnez une note/)).toBeVisible();
    await expect(first.locator("#appreciation-generale").getByText("Rédigez l'appréciation générale.")).toBeVisible();

    // Every criterion from the keyboard: the first note, then the arrow to the next one; « Sans objet » for the optional one.
    for (const criterion of wave.criteria) {
      const group = first.locator(`#critere-${criterion.id}`);
      await press(first, group.getByRole("radio", { name: "0", exact: true }), "Space");
      await first.keyboard.press("ArrowRight");
      await first.keyboard.press("ArrowRight");
      if (!criterion.required) await press(first, group.getByRole("radio", { name: "Sans objet" }), "Space");
      await group.getByRole("textbox").focus();
      await first.keyboard.type(`Commentaire ${criterion.code}.`);
    }
    await first.getByLabel("Appréciation générale").focus();
    await first.keyboard.type("Projet cohérent, calendrier réaliste.");
    // A field given its answer is no longer said to be missing, on the field nor in the list.
    await expect(first.getByRole("form", { name: "Grille d'évaluation" }).getByText(/^Donnez une note/)).toHaveCount(0);
    await expect(first.locator("#appreciation-generale").getByText("Rédigez l'appréciation générale.")).toHaveCount(0);
    await expect(first.getByTestId("review-missing")).toHaveCount(0);
    // Complete, submitting is confirmed first, the focus on the confirmation; cancelled, nothing is sent.
    await press(first, first.getByRole("button", { name: "Transmettre l'évaluation" }), "Enter");
    await expect(first.getByRole("button", { name: "Confirmer la transmission" })).toBeFocused();
    await press(first, first.getByRole("button", { name: "Annuler" }), "Enter");
    await expect(first.getByRole("button", { name: "Transmettre l'évaluation" })).toBeFocused();
    expect((await e2eDb.review.findUniqueOrThrow({ where: { assignmentId: firstAssignment.id } })).status).toBe("DRAFT");
    // Escape cancels too.
    await first.keyboard.press("Enter");
    await expect(first.getByRole("button", { name: "Confirmer la transmission" })).toBeFocused();
    await first.keyboard.press("Escape");
    await expect(first.getByRole("button", { name: "Transmettre l'évaluation" })).toBeFocused();
    await first.keyboard.press("Enter");
    await press(first, first.getByRole("button", { name: "Confirmer la transmission" }), "Enter");
    // The button gone with the editable sheet, the focus is on the notice, which is then read.
    await expect(first.locator(":focus")).toContainText(/Évaluation transmise le/);
    // Said once, by the focus: the alert takes no role status, which would say it again.
    expect(await timesAnnounced(first, "Évaluation transmise le")).toBe(1);
    const review = await e2eDb.review.findUniqueOrThrow({ where: { assignmentId: firstAssignment.id }, include: { scores: true } });
    expect(review.status).toBe("SUBMITTED");
    for (const criterion of wave.criteria) {
      const score = review.scores.find((candidate) => candidate.criterionId === criterion.id)!;
      expect(criterion.required ? score.value : score.notApplicable).toBe(criterion.required ? 2 : true);
    }
    await expect(first.getByRole("radio").first()).toBeDisabled();

    // The second reviewer, not yet submitted, sees nothing of the first review.
    const secondContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await signInAs(secondContext, second.userId);
    const secondPage = await secondContext.newPage();
    const secondErrors = watchPageErrors(secondPage);
    await secondPage.goto(`/instruction/${secondAssignment.id}`);
    await press(secondPage, secondPage.getByRole("radio", { name: "Non, je n'ai aucun lien d'intérêts avec ce dossier" }), "Space");
    await secondPage.getByRole("button", { name: "Enregistrer ma déclaration" }).click();
    await expect(
      secondPage.getByText("Les évaluations des autres instructeurs de ce niveau vous seront visibles une fois la vôtre transmise."),
    ).toBeVisible();
    await expect(secondPage.getByText("Projet cohérent, calendrier réaliste.")).toHaveCount(0);
    await expect(secondPage.getByText("Inès Instructrice")).toHaveCount(0);

    // Once it submits, the first review appears beside it with the spread; the dossier is « évalué ».
    const sheet = completeSheet(wave.criteria, { value: 5 });
    const current = await e2eDb.review.findUniqueOrThrow({ where: { assignmentId: secondAssignment.id } });
    const saved = await secondPage.request.put(`/api/assignments/${secondAssignment.id}/review`, {
      data: { expectedVersion: current.version, data: sheet },
      headers: { Origin: new URL(secondPage.url()).origin },
    });
    expect(saved.status()).toBe(200);
    await secondPage.reload();
    await expectNoPageErrors(secondPage, secondErrors);
    await secondPage.getByRole("button", { name: "Transmettre l'évaluation" }).click();
    await secondPage.getByRole("button", { name: "Confirmer la transmission" }).click();
    await expect(secondPage.getByRole("heading", { name: "Les autres évaluations" })).toBeVisible();
    await expect(secondPage.getByText("Projet cohérent, calendrier réaliste.")).toBeVisible();
    // Each criterion's comment is in the text, named by its criterion, not in a tooltip.
    const [firstCriterion] = wave.criteria;
    await expect(
      secondPage.getByText(`${firstCriterion!.code} – ${firstCriterion!.label} : Commentaire ${firstCriterion!.code}.`),
    ).toBeVisible();
    await expect(
      secondPage.getByRole("rowheader", { name: `${firstCriterion!.code} – ${firstCriterion!.label} (sur ${firstCriterion!.scaleMax})` }),
    ).toBeVisible();
    await expect(secondPage.getByText(/Écart entre évaluations/)).toBeVisible();
    expect((await e2eDb.application.findUniqueOrThrow({ where: { id: dossier.id } })).state).toBe("SCORED");
    await firstContext.close();
    await secondContext.close();
  });

  test("on a phone, the dossier and the grid follow each other as one page; side by side, each scrolls on its own", async ({
    page,
    context,
  }) => {
    const wave = await createReviewWave(e2eDb, { k: 1 });
    const dossier = await createSubmittedDossier(e2eDb, wave, { name: "EHPAD Les Capucines" });
    const reviewer = await createReviewer(e2eDb, { name: "Paul Mobile" });
    const assignment = await assign(dossier.id, reviewer.userId);
    await signInAs(context, reviewer.userId);
    await page.goto("/instruction");
    const declared = await page.request.post(`/api/assignments/${assignment.id}/declaration`, {
      data: { hasConflict: false },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(declared.ok()).toBe(true);

    // Both panes measured at one instant, and again until the page has settled (fonts, the DSFR's
    // script): measured one after the other on a loaded machine, they once straddled a reflow.
    const panes = () =>
      page.evaluate(() => {
        const [dossierPane, gridPane] = ["dossier-titre", "grille"].map((id) => document.querySelector(`section[aria-labelledby=${id}]`)!);
        const [top, bottom] = [dossierPane!.getBoundingClientRect(), gridPane!.getBoundingClientRect()];
        return {
          gridBelow: bottom.top >= top.bottom,
          gridBeside: bottom.left > top.right - 1,
          position: getComputedStyle(gridPane!).position,
          pageScrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        };
      });
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`/instruction/${assignment.id}`);
    await expect(page.getByRole("heading", { name: "Grille d'évaluation" })).toBeVisible();
    // One column: the grid starts below the end of the dossier, and the page, not a pane, scrolls.
    await expect.poll(panes).toMatchObject({ gridBelow: true, position: "static", pageScrollsSideways: false });

    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(panes).toMatchObject({ gridBeside: true, position: "sticky" });
  });

  test("the reviewer's workspace nests every part of the dossier under its « Dossier » heading", async ({ page, context }) => {
    const wave = await createReviewWave(e2eDb, { k: 1 });
    const dossier = await createSubmittedDossier(e2eDb, wave, { name: "EHPAD Les Sommaires" });
    const reviewer = await createReviewer(e2eDb);
    const assignment = await assign(dossier.id, reviewer.userId);
    await e2eDb.conflictDeclaration.create({ data: { assignmentId: assignment.id, hasConflict: false } });
    await e2eDb.review.create({ data: { assignmentId: assignment.id } });
    await signInAs(context, reviewer.userId);

    await page.goto(`/instruction/${assignment.id}`);
    const pane = page.locator("section[aria-labelledby=dossier-titre]");
    await expect(pane.getByRole("heading", { level: 2 })).toHaveText(["Dossier"]);
    for (const name of ["Conformité des professionnels", "Historique", "Messages"]) {
      await expect(pane.getByRole("heading", { name, level: 3 })).toBeVisible();
    }
  });

  test("a declared conflict removes access at once and tells the managers, with the reviewer's own words", async ({ page, context }) => {
    const wave = await createReviewWave(e2eDb, { k: 1 });
    const dossier = await createSubmittedDossier(e2eDb, wave, { name: "Centre hospitalier des Liens" });
    const reviewer = await createReviewer(e2eDb);
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    const assignment = await assign(dossier.id, reviewer.userId);
    await e2eDb.reviewerAssignment.update({ where: { id: assignment.id }, data: { assignedById: manager.id } });
    await signInAs(context, reviewer.userId);

    await page.goto(`/instruction/${assignment.id}`);
    await waitForHydration(page.getByRole("radio", { name: "Oui, je déclare un lien d'intérêts" }));
    await page.getByRole("radio", { name: "Oui, je déclare un lien d'intérêts" }).check({ force: true });
    await page.getByRole("radio", { name: "Autre lien d'intérêts" }).check({ force: true });
    // Markup typed by the reviewer stays text, in the page and in the e-mail.
    const details = "Membre du <b>conseil de surveillance</b> du groupement partenaire.";
    await page.getByLabel("Précisez (obligatoire)").fill(details);
    await expectNoSeriousAccessibilityViolation(page);
    await page.getByRole("button", { name: "Enregistrer ma déclaration" }).click();
    await page.getByRole("button", { name: "Confirmer le conflit d'intérêts" }).click();
    const notice = page.getByText("Votre déclaration de conflit d'intérêts est enregistrée");
    await expect(notice).toBeVisible();
    // The button pressed is on the page left behind: the notice takes the focus, which says it once.
    await expect(page.locator("main div[tabindex='-1']", { has: notice })).toBeFocused();
    expect(await timesAnnounced(page, "Votre déclaration de conflit d'intérêts est enregistrée")).toBe(1);
    await expect(page.getByRole("link", { name: "Centre hospitalier des Liens" })).toHaveCount(0);

    // The titles of these pages name the establishment: the 404's does not.
    await page.goto(`/instruction/${assignment.id}`);
    await expect(page.getByRole("heading", { name: "Page non trouvée" })).toBeVisible();
    await expect(page).toHaveTitle("Page non trouvée – HospiConnect");
    await page.goto(`/dossiers/${dossier.id}/budget`);
    await expect(page.getByRole("heading", { name: "Page non trouvée" })).toBeVisible();
    await expect(page).toHaveTitle("Page non trouvée – HospiConnect");
    const email = await e2eDb.outboxEmail.findFirstOrThrow({
      where: { to: manager.email, dedupeKey: `conflict-declared:${assignment.id}:${manager.email}` },
    });
    expect(email.text).toContain("Centre hospitalier des Liens");
    expect(email.text).toContain(`autre lien d'intérêts`);
    expect(email.text).toContain(`> ${details}`);

    // The manager, who judges the tie and reassigns, reads what the reviewer wrote where the conflict shows.
    await signInAs(context, manager.id);
    const said = `Précisions de l'instructeur : « ${details} »`;
    await page.goto(`/dossiers/${dossier.id}`);
    const row = page.getByRole("table", { name: "Attributions et évaluations" }).getByRole("row", { name: /Conflit déclaré/ });
    await expect(row).toContainText(`Conflit déclaré : attribution terminée (autre lien d'intérêts)${said}`);
    await page.goto(`/pilotage/vagues/${wave.waveId}/attribution?vue=tous`);
    await expect(page.getByRole("listitem").filter({ hasText: "conflit d'intérêts déclaré" })).toContainText(said);
    await expect(page.locator("main b")).toHaveCount(0);
  });

  test("a manager reopens a review: the reviewer's page says why", async ({ page, context }) => {
    const wave = await createReviewWave(e2eDb, { k: 2 });
    const dossier = await createSubmittedDossier(e2eDb, wave, { name: "EHPAD des Motifs" });
    await e2eDb.application.update({ where: { id: dossier.id }, data: { state: "UNDER_REVIEW", version: { increment: 1 } } });
    const reviewer = await createReviewer(e2eDb, { name: "Rita Relue" });
    await addSubmittedReviews(e2eDb, dossier.id, wave.criteria, [{ reviewerId: reviewer.userId, value: 3 }]);
    const assignment = await e2eDb.reviewerAssignment.findFirstOrThrow({ where: { applicationId: dossier.id } });
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);

    await page.goto(`/dossiers/${dossier.id}`);
    const reopen = page.getByRole("button", { name: "Rouvrir l'évaluation de Rita Relue" });
    await waitForHydration(reopen);
    await reopen.click();
    const reason = "Revoir la note <i>C2</i> :\nelle ne suit pas le commentaire.";
    await page.getByLabel("Motif (envoyé à l'instructeur)").fill(reason);
    await page.getByRole("button", { name: "Confirmer" }).click();
    await expect.poll(async () => (await e2eDb.review.findUniqueOrThrow({ where: { assignmentId: assignment.id } })).status).toBe("DRAFT");

    await signInAs(context, reviewer.userId);
    await page.goto(`/instruction/${assignment.id}`);
    await expect(page.getByText(/^Évaluation rouverte le /)).toContainText(
      "par un chargé de programme : modifiez-la puis transmettez-la de nouveau.Motif : « Revoir la note <i>C2</i> : elle ne suit pas le commentaire. »",
    );
    await expect(page.locator("main i")).toHaveCount(0);
  });

  test("the reviewer's list keeps its filters and its columns in the window, at 1 280 px and with text at 200 %", async ({
    page,
    context,
  }) => {
    const wave = await createReviewWave(e2eDb, { k: 1 });
    await e2eDb.wave.update({
      where: { id: wave.waveId },
      data: { title: "Vague de généralisation 2026 – établissements et services médico-sociaux" },
    });
    const dossier = await createSubmittedDossier(e2eDb, wave, { name: "Maison d'accueil spécialisée Les Oliviers" });
    const reviewer = await createReviewer(e2eDb);
    await assign(dossier.id, reviewer.userId);
    await signInAs(context, reviewer.userId);

    await page.goto("/instruction?niveau=NATIONAL");
    const table = page.getByRole("table", { name: "Dossiers qui vous sont attribués" });
    await expect(table.getByRole("columnheader", { name: "État du dossier" })).toBeVisible();
    // The last column in the frame, not behind the table's own scroll.
    expect(await table.evaluate((element) => element.parentElement!.scrollWidth <= element.parentElement!.clientWidth)).toBe(true);

    await page.evaluate(() => void (document.documentElement.style.fontSize = "200%"));
    const reset = page.getByRole("link", { name: "Réinitialiser les filtres" });
    await expect
      .poll(() =>
        reset.evaluate((link) => ({
          pageScrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
          resetInWindow: link.getBoundingClientRect().right <= document.documentElement.clientWidth,
        })),
      )
      .toEqual({ pageScrollsSideways: false, resetInWindow: true });
  });

  /** One reviewer's draft sheet on a dossier of `name`, conflict declared « none », signed in with two tabs. */
  async function reviewerWithTwoTabs(context: BrowserContext, name: string) {
    const wave = await createReviewWave(e2eDb, { k: 1 });
    const dossier = await createSubmittedDossier(e2eDb, wave, { name });
    const reviewer = await createReviewer(e2eDb);
    const assignment = await assign(dossier.id, reviewer.userId);
    await e2eDb.conflictDeclaration.create({ data: { assignmentId: assignment.id, hasConflict: false } });
    await e2eDb.review.create({ data: { assignmentId: assignment.id } });
    await signInAs(context, reviewer.userId);
    const [a, b] = [await context.newPage(), await context.newPage()];
    const openBoth = async () => {
      for (const tab of [a, b]) {
        await tab.goto(`/instruction/${assignment.id}`);
        await waitForHydration(tab.getByLabel("Appréciation générale"));
      }
    };
    return { wave, assignment, a, b, openBoth };
  }

  test("the same reviewer's sheet saved in two tabs is said to be their own, from elsewhere, not someone else's", async ({ context }) => {
    const { a, b, openBoth } = await reviewerWithTwoTabs(context, "EHPAD des Deux Onglets");
    await openBoth();

    await a.getByLabel("Appréciation générale").fill("Rédigée dans l'onglet A.");
    await expect(a.getByTestId("autosave-status")).toContainText("Enregistré à");
    await b.getByLabel("Appréciation générale").fill("Rédigée dans l'onglet B.");
    await expect(b.getByText("Votre évaluation a été enregistrée ailleurs entre-temps")).toBeVisible();
    await expect(b.getByText(/^Vous l'avez enregistrée dans un autre onglet ou sur un autre appareil le /)).toBeVisible();
    await expect(b.getByText("Une autre personne")).toHaveCount(0);
  });

  test("a reviewer typing as the dossier goes back to the establishment is told why the sheet no longer saves", async ({ context }) => {
    const { assignment, a } = await reviewerWithTwoTabs(context, "EEAP de l'Arc-en-Ciel");
    const errors = watchPageErrors(a);
    await a.goto(`/instruction/${assignment.id}`);
    await waitForHydration(a.getByLabel("Appréciation générale"));
    // Meanwhile a manager asks the establishment for a complement.
    await e2eDb.application.update({
      where: { id: assignment.applicationId },
      data: { state: "INFORMATION_REQUESTED", version: { increment: 1 } },
    });
    await a.getByLabel("Appréciation générale").fill("Rédigée pendant la demande.");
    const awaiting = "Le dossier attend le complément demandé à l'établissement : la grille est en lecture seule jusqu'à sa réponse.";
    // The real cause, never the declaration of interests made long ago.
    await expect(a.getByTestId("autosave-status")).toContainText(`${awaiting} Vos saisies sont conservées sur cet appareil.`);
    await expect(a.getByTestId("autosave-status")).not.toContainText("conflit");
    await a.reload();
    await expect(a.getByText(awaiting)).toBeVisible();
    await expectNoPageErrors(a, errors);
  });

  test("a tab with nothing of its own to merge, transmitting a sheet saved elsewhere, is told to check the version shown, not to compare", async ({
    context,
  }) => {
    const { wave, assignment, a, b, openBoth } = await reviewerWithTwoTabs(context, "EHPAD de l'Onglet Oublié");
    const saved = await a.request.put(`/api/assignments/${assignment.id}/review`, {
      data: { expectedVersion: 1, data: completeSheet(wave.criteria, { value: 2 }) },
      headers: { Origin: E2E_BASE_URL },
    });
    expect(saved.status()).toBe(200);
    await openBoth();
    const [criterion] = wave.criteria;
    const note = (tab: Page, value: string) => tab.locator(`#critere-${criterion!.id}`).getByRole("radio", { name: value, exact: true });

    // Tab B changes the note and saves; tab A, untouched, transmits the older version.
    await press(b, note(b, "4"), "Space");
    await b.getByRole("button", { name: "Enregistrer maintenant" }).click();
    await expect(b.getByTestId("autosave-status")).toContainText("Enregistré à");
    await a.getByRole("button", { name: "Transmettre l'évaluation" }).click();
    await a.getByRole("button", { name: "Confirmer la transmission" }).click();
    await expect(a.getByText(/^Rien n'a été transmis/)).toHaveText(
      "Rien n'a été transmis : votre évaluation avait été modifiée dans un autre onglet ou sur un autre appareil ; la version à jour est affichée ci-dessus, vérifiez-la puis transmettez.",
    );
    await expect(a.getByTestId("autosave-status").getByText(/^Votre évaluation a été modifiée/)).toHaveText(
      /^Votre évaluation a été modifiée dans un autre onglet ou sur un autre appareil le \d{1,2}(er)? \S+ \d{4} à \d{1,2}\sh\s\d{2} : la version à jour est affichée\.$/,
    );
    await expect(a.getByText(/comparez|réunies/i)).toHaveCount(0);
    await expect(note(a, "4")).toBeChecked();
    expect((await e2eDb.review.findUniqueOrThrow({ where: { assignmentId: assignment.id } })).status).toBe("DRAFT");

    await a.getByRole("button", { name: "Transmettre l'évaluation" }).click();
    await a.getByRole("button", { name: "Confirmer la transmission" }).click();
    await expect(a.getByText(/^Évaluation transmise le /)).toBeVisible();
  });

  test("a transmission from a tab whose sheet was saved elsewhere sends nothing until the reviewer has chosen", async ({ context }) => {
    const { wave, assignment, a, b, openBoth } = await reviewerWithTwoTabs(context, "EHPAD de l'Onglet Périmé");
    const saved = await a.request.put(`/api/assignments/${assignment.id}/review`, {
      data: { expectedVersion: 1, data: completeSheet(wave.criteria, { value: 2 }) },
      headers: { Origin: E2E_BASE_URL },
    });
    expect(saved.status()).toBe(200);
    await openBoth();
    const [criterion] = wave.criteria;
    const note = (tab: Page, value: string) => tab.locator(`#critere-${criterion!.id}`).getByRole("radio", { name: value, exact: true });

    // Tab B changes the note and saves.
    await press(b, note(b, "4"), "Space");
    await b.getByRole("button", { name: "Enregistrer maintenant" }).click();
    await expect(b.getByTestId("autosave-status")).toContainText("Enregistré à");

    // Tab A, on the older version, gives another note and transmits at once.
    await press(a, note(a, "1"), "Space");
    await a.getByRole("button", { name: "Transmettre l'évaluation" }).click();
    await a.getByRole("button", { name: "Confirmer la transmission" }).click();
    await expect(a.getByRole("heading", { name: "Votre évaluation a été enregistrée ailleurs entre-temps" })).toBeVisible();
    await expect(a.getByText(/^Rien n'a été transmis/)).toBeVisible();
    await expect(a.getByText("Évaluation transmise.")).toHaveCount(0);
    let review = await e2eDb.review.findUniqueOrThrow({ where: { assignmentId: assignment.id }, include: { scores: true } });
    expect(review.status).toBe("DRAFT");

    // The reviewer keeps their note, then transmits it.
    await a.getByRole("button", { name: "Garder ma version" }).click();
    await expect(a.getByTestId("autosave-status")).toContainText("Enregistré à");
    await a.getByRole("button", { name: "Transmettre l'évaluation" }).click();
    await a.getByRole("button", { name: "Confirmer la transmission" }).click();
    await expect(a.getByText(/^Évaluation transmise le /)).toBeVisible();
    review = await e2eDb.review.findUniqueOrThrow({ where: { assignmentId: assignment.id }, include: { scores: true } });
    expect(review.status).toBe("SUBMITTED");
    expect(review.scores.find((score) => score.criterionId === criterion!.id)?.value).toBe(1);
  });

  test("a conflict found while reading the dossier, after « no conflict », is declared from the review page", async ({ page, context }) => {
    const wave = await createReviewWave(e2eDb, { k: 1 });
    const dossier = await createSubmittedDossier(e2eDb, wave, { name: "Clinique des Découvertes" });
    const reviewer = await createReviewer(e2eDb);
    const assignment = await assign(dossier.id, reviewer.userId);
    await signInAs(context, reviewer.userId);

    await page.goto(`/instruction/${assignment.id}`);
    await waitForHydration(page.getByRole("radio", { name: "Non, je n'ai aucun lien d'intérêts avec ce dossier" }));
    await page.getByRole("radio", { name: "Non, je n'ai aucun lien d'intérêts avec ce dossier" }).check({ force: true });
    await page.getByRole("button", { name: "Enregistrer ma déclaration" }).click();
    await expect(page.getByRole("heading", { name: "Grille d'évaluation" })).toBeVisible();

    const later = page.getByRole("form", { name: "Un lien d'intérêts découvert en lisant le dossier ?" });
    await page.getByText("Déclarer un lien d'intérêts", { exact: true }).click();
    await later.getByRole("radio", { name: CONFLICT_EMPLOYMENT }).check({ force: true });
    await later.getByRole("button", { name: "Déclarer ce lien d'intérêts" }).click();
    await later.getByRole("button", { name: "Confirmer le conflit d'intérêts" }).click();
    await expect(page.getByText("Votre déclaration de conflit d'intérêts est enregistrée")).toBeVisible();
    expect(await e2eDb.conflictDeclaration.findUniqueOrThrow({ where: { assignmentId: assignment.id } })).toMatchObject({
      hasConflict: true,
      type: "EMPLOYMENT",
    });
    await page.goto(`/instruction/${assignment.id}`);
    await expect(page.getByRole("heading", { name: "Page non trouvée" })).toBeVisible();
  });

  test("a manager saves the review settings twice in a row on the same page: both are kept, neither is taken for someone else's", async ({
    page,
    context,
  }) => {
    const wave = await createReviewWave(e2eDb);
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);

    await page.goto(`/pilotage/vagues/${wave.waveId}/attribution`);
    const settings = page.getByRole("form", { name: "Paramètres de l'instruction" });
    const dueAt = settings.getByLabel("Échéance du niveau national (heure de Paris)");
    await waitForHydration(dueAt);
    await dueAt.fill("2031-03-01T12:00");
    await settings.getByRole("button", { name: "Enregistrer les paramètres" }).click();
    await expect(settings.getByText("Paramètres de l'instruction enregistrés.")).toBeVisible();
    await dueAt.fill("2031-04-01T12:00");
    await settings.getByRole("button", { name: "Enregistrer les paramètres" }).click();
    await expect(settings.getByText("Paramètres de l'instruction enregistrés.")).toBeVisible();
    await expect(settings.getByText(/modifiée entre-temps/)).toHaveCount(0);
    const stored = await e2eDb.wave.findUniqueOrThrow({ where: { id: wave.waveId }, select: { nationalReviewDueAt: true } });
    expect(stored.nationalReviewDueAt?.toISOString()).toBe("2031-04-01T10:00:00.000Z");
  });

  test("on the attribution page, a number of reviewers out of range and « Attribuer » without a reviewer give the focus to the field in error, said once", async ({
    page,
    context,
  }) => {
    const wave = await createReviewWave(e2eDb);
    await createSubmittedDossier(e2eDb, wave, { name: "EHPAD Sans Choix" });
    await createReviewer(e2eDb, { name: "Ines Disponible" });
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);
    await page.goto(`/pilotage/vagues/${wave.waveId}/attribution`);
    const settings = page.getByRole("form", { name: "Paramètres de l'instruction" });
    const perDossier = settings.getByLabel("Instructeurs par dossier et par niveau");
    await waitForHydration(perDossier);

    await perDossier.fill("0");
    await press(page, settings.getByRole("button", { name: "Enregistrer les paramètres" }), "Enter");
    await expect(perDossier).toBeFocused();
    await expect(perDossier).toHaveAttribute("aria-invalid", "true");
    expect(await timesAnnounced(page, "Entre 1 et 10 instructeurs par dossier.")).toBe(1);

    const row = page.getByRole("row", { name: /EHPAD Sans Choix/ });
    await press(page, row.getByRole("button", { name: "Attribuer" }), "Enter");
    const reviewerSelect = row.getByLabel("Ajouter un instructeur");
    await expect(reviewerSelect).toBeFocused();
    await expect(reviewerSelect).toHaveAttribute("aria-invalid", "true");
    expect(await timesAnnounced(page, "Choisissez un instructeur.")).toBe(1);
  });

  test("review settings refreshed on the page by an assignment after another manager's change still hold the old values: saving them is refused, that change is kept", async ({
    page,
    context,
    browser,
  }) => {
    test.slow(); // Two people, two saves and a page refresh.
    const wave = await createReviewWave(e2eDb, { k: 2 });
    await createSubmittedDossier(e2eDb, wave, { name: "EHPAD Les Deux Pilotes" });
    const reviewer = await createReviewer(e2eDb, { name: "Hugo Rafraîchi" });
    const alice = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    const bruno = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, alice.id);
    await page.goto(`/pilotage/vagues/${wave.waveId}/attribution`);
    const settings = page.getByRole("form", { name: "Paramètres de l'instruction" });
    await waitForHydration(settings.getByLabel("Échéance du niveau national (heure de Paris)"));

    // Bruno, on his own computer, sets the national due date.
    const elsewhere = await browser.newContext();
    await signInAs(elsewhere, bruno.id);
    const brunoPage = await elsewhere.newPage();
    await brunoPage.goto(`/pilotage/vagues/${wave.waveId}/attribution`);
    const brunoSettings = brunoPage.getByRole("form", { name: "Paramètres de l'instruction" });
    const brunoDueAt = brunoSettings.getByLabel("Échéance du niveau national (heure de Paris)");
    await waitForHydration(brunoDueAt);
    await brunoDueAt.fill("2031-03-01T12:00");
    await brunoSettings.getByRole("button", { name: "Enregistrer les paramètres" }).click();
    await expect(brunoSettings.getByText("Paramètres de l'instruction enregistrés.")).toBeVisible();
    await elsewhere.close();

    // Alice assigns a reviewer: her page refreshes, her settings form stays as she opened it.
    const row = page.getByRole("row", { name: /EHPAD Les Deux Pilotes/ });
    await row.getByLabel("Ajouter un instructeur").selectOption(reviewer.userId);
    await row.getByRole("button", { name: "Attribuer" }).click();
    await expect(row.getByRole("listitem").filter({ hasText: "Hugo Rafraîchi" })).toBeVisible({ timeout: 30_000 });
    await expect(settings.getByLabel("Échéance du niveau national (heure de Paris)")).toHaveValue("");

    // Her save would clear Bruno's due date: it is refused, his date stays.
    await settings.getByText("Instructeurs anonymes entre eux").click();
    await settings.getByRole("button", { name: "Enregistrer les paramètres" }).click();
    await expect(settings.getByText(/^La vague a été modifiée entre-temps par une autre personne/)).toBeVisible();
    const stored = await e2eDb.wave.findUniqueOrThrow({
      where: { id: wave.waveId },
      select: { nationalReviewDueAt: true, reviewersAnonymous: true },
    });
    expect(stored.nationalReviewDueAt?.toISOString()).toBe("2031-03-01T11:00:00.000Z");
    expect(stored.reviewersAnonymous).toBe(false);
  });

  test("a manager previews then applies an automatic assignment that never pairs a flagged reviewer", async ({ page, context }) => {
    const wave = await createReviewWave(e2eDb, { k: 2 });
    const dossiers: Array<Awaited<ReturnType<typeof createSubmittedDossier>>> = [];
    for (const name of ["EHPAD Alpha", "EHPAD Bêta", "EHPAD Gamma"]) dossiers.push(await createSubmittedDossier(e2eDb, wave, { name }));
    const alphaEj = (await e2eDb.establishment.findUniqueOrThrow({ where: { id: dossiers[0]!.establishment.id } })).finessEj;
    const reviewers = [
      await createReviewer(e2eDb, { name: "Ana Lien", affiliations: [{ kind: "FINESS", reference: alphaEj }] }),
      await createReviewer(e2eDb, { name: "Basile Libre" }),
      await createReviewer(e2eDb, { name: "Chloé Libre" }),
    ];
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);

    await page.goto(`/pilotage/vagues/${wave.waveId}/attribution`);
    await expect(page.getByRole("status").first()).toContainText("3 dossiers à instruire");
    await expectNoSeriousAccessibilityViolation(page);
    await waitForHydration(page.getByLabel("Plafond de dossiers par instructeur"));
    // A refusal names the cap that is wrong; 0 for everyone would assign nothing.
    await page.getByLabel("Plafond de dossiers par instructeur").fill("0");
    await page.getByRole("button", { name: "Prévisualiser l'attribution" }).click();
    await expect(page.getByText(/^Plafond de dossiers par instructeur : /)).toBeVisible();
    await expect(page.getByLabel("Plafond de dossiers par instructeur")).toHaveAttribute("aria-invalid", "true");
    // Said once, by the panel's status, which names the cap: not again by the field's live region.
    expect(await timesAnnounced(page, "Au moins 1 dossier par instructeur : avec 0, aucun dossier ne serait attribué.")).toBe(1);
    await page.getByLabel("Plafond de dossiers par instructeur").fill("2");
    await page.getByRole("button", { name: "Prévisualiser l'attribution" }).click();
    await expect(page.getByText("Aperçu : 6 attributions proposées, 0 dossier resterait incomplet.")).toBeVisible();
    await expect(page.getByLabel("Plafond de dossiers par instructeur")).not.toHaveAttribute("aria-invalid");
    await expectNoSeriousAccessibilityViolation(page);
    expect(await e2eDb.reviewerAssignment.count({ where: { applicationId: { in: dossiers.map((dossier) => dossier.id) } } })).toBe(0);

    // From the keyboard: once applied, « Appliquer » is disabled (nothing left to apply); the focus goes
    // back to « Prévisualiser », not to the page's body.
    await page.getByRole("button", { name: "Appliquer cette attribution" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("6 attributions enregistrées ; 3 dossiers passés en instruction.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Prévisualiser l'attribution" })).toBeFocused();
    const assigned = await e2eDb.reviewerAssignment.findMany({ where: { applicationId: { in: dossiers.map((dossier) => dossier.id) } } });
    expect(assigned).toHaveLength(6);
    expect(assigned.some((row) => row.applicationId === dossiers[0]!.id && row.reviewerId === reviewers[0]!.userId)).toBe(false);
    // Other tests' reviewers share this database: each dossier has its 2, nobody more than the cap.
    for (const dossier of dossiers) expect(assigned.filter((row) => row.applicationId === dossier.id)).toHaveLength(2);
    const loads = new Map<string, number>();
    for (const row of assigned) loads.set(row.reviewerId, (loads.get(row.reviewerId) ?? 0) + 1);
    expect(Math.max(...loads.values())).toBeLessThanOrEqual(2);
    expect(await e2eDb.application.count({ where: { id: { in: dossiers.map((dossier) => dossier.id) }, state: "UNDER_REVIEW" } })).toBe(3);
    await expect(page.getByRole("status").first()).toContainText("3 avec leurs 2 instructeurs, 0 à compléter");
  });

  test("a manager assigns reviewers one by one from the keyboard: each is said, and the focus stays in the table when a complete dossier leaves it", async ({
    page,
    context,
  }) => {
    const wave = await createReviewWave(e2eDb, { k: 2 });
    const passerelle = await createSubmittedDossier(e2eDb, wave, { name: "ITEP La Passerelle" });
    const tilleuls = await createSubmittedDossier(e2eDb, wave, { name: "EHPAD Les Tilleuls" });
    const first = await createReviewer(e2eDb, { name: "Irène Première" });
    const marc = await createReviewer(e2eDb, { name: "Marc Petit" });
    await assign(passerelle.id, first.userId);
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`/pilotage/vagues/${wave.waveId}/attribution`);
    // The dossier's name heads its row, and stays in view while the table scrolls.
    const passerelleRow = page.getByRole("row", { name: /ITEP La Passerelle/ });
    await expect(passerelleRow.getByRole("rowheader")).toHaveClass(/fr-cell--fixed/);
    const tilleulsSelect = page.getByRole("row", { name: /EHPAD Les Tilleuls/ }).getByLabel("Ajouter un instructeur");
    await waitForHydration(tilleulsSelect);

    // The dossier still lacks a reviewer: it stays, the assignment is said.
    await tilleulsSelect.focus();
    await tilleulsSelect.selectOption(marc.userId);
    await press(page, page.getByRole("row", { name: /EHPAD Les Tilleuls/ }).getByRole("button", { name: "Attribuer" }), "Enter");
    await expect(page.getByRole("status").filter({ hasText: "Marc Petit attribué" })).toHaveText(
      "Marc Petit attribué au dossier « EHPAD Les Tilleuls ».",
    );
    await expect(
      page
        .getByRole("row", { name: /EHPAD Les Tilleuls/ })
        .getByRole("listitem")
        .filter({ hasText: "Marc Petit" }),
    ).toBeVisible();

    // Its last missing reviewer: the row leaves the list, the focus goes to the next row's select.
    const passerelleSelect = passerelleRow.getByLabel("Ajouter un instructeur");
    await passerelleSelect.focus();
    await passerelleSelect.selectOption(marc.userId);
    await press(page, passerelleRow.getByRole("button", { name: "Attribuer" }), "Enter");
    await expect(page.getByRole("status").filter({ hasText: "Marc Petit attribué" })).toHaveText(
      "Marc Petit attribué au dossier « ITEP La Passerelle ».",
    );
    await expect(passerelleRow).toHaveCount(0);
    await expect(tilleulsSelect).toBeFocused();
    expect(await e2eDb.reviewerAssignment.count({ where: { applicationId: { in: [passerelle.id, tilleuls.id] } } })).toBe(3);
    await expectNoSeriousAccessibilityViolation(page);
  });

  test("the queue puts the work still to do first, counts the whole workload with a review no longer expected apart, and says when a filter leaves nothing", async ({
    page,
    context,
  }) => {
    const wave = await createReviewWave(e2eDb, { k: 1 });
    const reviewer = await createReviewer(e2eDb);
    const [done, later, sooner] = [
      await createSubmittedDossier(e2eDb, wave, { name: "EHPAD Déjà Évalué" }),
      await createSubmittedDossier(e2eDb, wave, { name: "EHPAD Plus Tard" }),
      await createSubmittedDossier(e2eDb, wave, { name: "EHPAD Plus Tôt" }),
    ];
    await addSubmittedReviews(e2eDb, done.id, wave.criteria, [{ reviewerId: reviewer.userId, value: 3 }]);
    const dueAt = (day: string) => new Date(`${day}T17:00:00Z`);
    await e2eDb.reviewerAssignment.updateMany({ where: { applicationId: done.id }, data: { dueAt: dueAt("2999-01-01") } });
    await e2eDb.reviewerAssignment.update({
      where: { id: (await assign(later.id, reviewer.userId)).id },
      data: { dueAt: dueAt("2999-03-01") },
    });
    await e2eDb.reviewerAssignment.update({
      where: { id: (await assign(sooner.id, reviewer.userId)).id },
      data: { dueAt: dueAt("2999-02-01") },
    });
    // A draft left when a manager closed the dossier's review: no longer expected, not « à faire ».
    const closed = await createSubmittedDossier(e2eDb, wave, { name: "EHPAD Clos à la Main" });
    await e2eDb.reviewerAssignment.update({
      where: { id: (await assign(closed.id, reviewer.userId)).id },
      data: { dueAt: dueAt("2999-04-01"), review: { create: { status: "DRAFT" } } },
    });
    await e2eDb.application.update({ where: { id: closed.id }, data: { state: "SCORED" } });
    await signInAs(context, reviewer.userId);

    await page.goto("/instruction");
    await expect(page.getByRole("status").filter({ hasText: "dossiers sur 4" })).toHaveText(
      "4 dossiers sur 4 – 1 évaluation transmise, 2 à faire, 1 plus attendue",
    );
    const table = page.getByRole("table", { name: "Dossiers qui vous sont attribués" });
    await expect(table.getByRole("link")).toHaveText(["EHPAD Plus Tôt", "EHPAD Plus Tard", "EHPAD Déjà Évalué", "EHPAD Clos à la Main"]);
    // Due dates are Paris time, said in the header: an ARS reviewer overseas would read them as local.
    await expect(table.getByRole("columnheader", { name: "Échéance (heure de Paris)" })).toBeVisible();

    await page.goto("/instruction?statut=OVERDUE&tri=etablissement");
    await expect(page.getByText("Aucun dossier ne correspond à ces filtres.")).toBeVisible();
    await expect(table).toHaveCount(0);
    // Back to the whole list, in the order chosen.
    await page.getByRole("link", { name: "Voir tous vos dossiers" }).click();
    await expect(page).toHaveURL(/\/instruction\?tri=etablissement$/);
    await expect(table.getByRole("link")).toHaveCount(4);

    // A tier without a dossier leaves the filters in place, and the counts still the whole workload.
    await page.goto("/instruction?niveau=REGIONAL");
    await expect(page.getByText("Aucun dossier ne correspond à ces filtres.")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "dossier sur 4" })).toHaveText(
      "0 dossier sur 4 – 1 évaluation transmise, 2 à faire, 1 plus attendue",
    );
    await expect(page.getByLabel("Niveau")).toHaveValue("REGIONAL");
  });

  test("an ARS reviewer reaches the dossiers of their region only, and reads an overdue one without a page error", async ({
    page,
    context,
  }) => {
    const wave = await createReviewWave(e2eDb, { reviewTiers: "REGIONAL_THEN_NATIONAL", k: 1 });
    const here = await createSubmittedDossier(e2eDb, wave, { name: "EHPAD de Nouvelle-Aquitaine", regionCode: "75" });
    const elsewhere = await createSubmittedDossier(e2eDb, wave, { name: "EHPAD d'Île-de-France", regionCode: "11", departmentCode: "75" });
    const ars = await createReviewer(e2eDb, { role: "REGIONAL_REVIEWER", regions: ["75"], name: "Agnès ARS" });
    const own = await assign(here.id, ars.userId, "REGIONAL");
    // An assignment outside the reviewer's regions (as a stale row would be) still opens nothing.
    const foreign = await assign(elsewhere.id, ars.userId, "REGIONAL");
    // Past its due date: the page's header says « En retard » beside the date.
    await e2eDb.reviewerAssignment.update({ where: { id: own.id }, data: { dueAt: new Date("2020-01-31T17:00:00Z") } });
    await signInAs(context, ars.userId);

    await page.goto("/instruction");
    await expect(page.getByRole("link", { name: "EHPAD de Nouvelle-Aquitaine" })).toBeVisible();
    await expect(page.getByRole("link", { name: "EHPAD d'Île-de-France" })).toHaveCount(0);
    await page.goto(`/instruction/${foreign.id}`);
    await expect(page.getByRole("heading", { name: "Page non trouvée" })).toBeVisible();
    const response = await page.request.post(`/api/assignments/${foreign.id}/declaration`, {
      data: { hasConflict: false },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(response.status()).toBe(404);
    // Watched from here: the 404 page above logs an error of its own (react-dsfr's theme observer), another matter.
    const errors = watchPageErrors(page);
    await page.goto(`/instruction/${own.id}`);
    await expect(page.getByRole("heading", { name: "Déclaration d'intérêts" })).toBeVisible();
    await expect(page.getByText("En retard", { exact: true })).toBeVisible();
    await expectNoPageErrors(page, errors);
  });

  test("a reviewer reads when each file of an objective was added, as its director does", async ({ page, context }) => {
    const wave = await createReviewWave(e2eDb, { k: 1 });
    const dossier = await createSubmittedDossier(e2eDb, wave, { name: "EHPAD Pièces Datées" });
    const objective = wave.objectives[0]!;
    await e2eDb.attachment.create({
      data: {
        applicationId: dossier.id,
        objectiveId: objective.id,
        fileName: "charte-identification.pdf",
        mimeType: "application/pdf",
        sizeBytes: 2048,
        sha256: "c".repeat(64),
        storageKey: `attachments/e2e-${randomUUID()}`,
        createdAt: new Date("2026-12-01T09:05:00Z"),
      },
    });
    const reviewer = await createReviewer(e2eDb);
    const assignment = await assign(dossier.id, reviewer.userId);
    await signInAs(context, reviewer.userId);

    const errors = watchPageErrors(page);
    await page.goto(`/instruction/${assignment.id}`);
    await waitForHydration(page.getByRole("button", { name: "Enregistrer ma déclaration" }));
    await press(page, page.getByRole("radio", { name: "Non, je n'ai aucun lien d'intérêts avec ce dossier" }), "Space");
    await press(page, page.getByRole("button", { name: "Enregistrer ma déclaration" }), "Enter");
    const evidence = page.locator(`#${objectiveAnchor(objective.code)}`);
    await expect(evidence.getByRole("link", { name: "charte-identification.pdf" })).toBeVisible();
    await expect(evidence.getByRole("listitem")).toHaveText("charte-identification.pdf (2 Ko, ajouté le 1er décembre 2026 à 10 h 05)");
    await expectNoPageErrors(page, errors);
  });

  test("a review past its due date on a dossier waiting for the establishment's information is shown waiting, not late", async ({
    page,
    context,
  }) => {
    const wave = await createReviewWave(e2eDb, { k: 1 });
    const reviewer = await createReviewer(e2eDb);
    const dossier = await createSubmittedDossier(e2eDb, wave, { name: "EHPAD Complément Demandé" });
    const assignment = await assign(dossier.id, reviewer.userId);
    await e2eDb.reviewerAssignment.update({ where: { id: assignment.id }, data: { dueAt: new Date("2020-01-31T17:00:00Z") } });
    await e2eDb.application.update({ where: { id: dossier.id }, data: { state: "INFORMATION_REQUESTED", version: { increment: 1 } } });
    await signInAs(context, reviewer.userId);

    const errors = watchPageErrors(page);
    await page.goto("/instruction");
    const row = page.getByRole("row").filter({ hasText: "EHPAD Complément Demandé" });
    await expect(row.getByText("En attente du complément de l'établissement")).toBeVisible();
    await expect(row.getByText("En retard", { exact: true })).toHaveCount(0);
    await page.goto("/instruction?statut=OVERDUE");
    await expect(page.getByText("Aucun dossier ne correspond à ces filtres.")).toBeVisible();
    await page.goto(`/instruction/${assignment.id}`);
    await expect(page.getByText("En attente du complément de l'établissement")).toBeVisible();
    await expect(page.getByText("En retard", { exact: true })).toHaveCount(0);
    await expectNoSeriousAccessibilityViolation(page);
    await expectNoPageErrors(page, errors);
  });

  test("a manager gives one review its own due date from the keyboard: the form opens on its field, a past date is refused there", async ({
    page,
    context,
  }) => {
    const wave = await createReviewWave(e2eDb);
    const dossier = await createSubmittedDossier(e2eDb, wave, { name: "CH des Échéances" });
    const reviewer = await createReviewer(e2eDb, { name: "Ève Retard" });
    const assignment = await assign(dossier.id, reviewer.userId);
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);
    await page.goto(`/dossiers/${dossier.id}`);

    const change = page.getByRole("button", { name: "Changer l'échéance d'Ève Retard" });
    await waitForHydration(change);
    await press(page, change, "Enter");
    const form = page.getByRole("form", { name: "Échéance d'Ève Retard" });
    const dueAt = form.getByLabel("Nouvelle échéance (vide : celle du niveau)");
    await expect(dueAt).toBeFocused();
    await dueAt.fill("2020-01-06T18:00");
    await form.getByLabel("Motif").fill("Congés de l'instructrice.");
    await press(page, form.getByRole("button", { name: "Confirmer" }), "Enter");
    await expect(form.getByText("Choisissez une échéance à venir : celle-ci est déjà passée.")).toBeVisible();
    await expect(dueAt).toBeFocused();
    expect(await timesAnnounced(page, "Choisissez une échéance à venir : celle-ci est déjà passée.")).toBe(1);
    await expectNoSeriousAccessibilityViolation(page);

    await press(page, form.getByRole("button", { name: "Annuler" }), "Enter");
    await expect(change).toBeFocused();
    // Escape closes it too, as it closes the score sheet's confirmation, and gives the focus back.
    await page.keyboard.press("Enter");
    await expect(dueAt).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(form).toHaveCount(0);
    await expect(change).toBeFocused();
    expect((await e2eDb.reviewerAssignment.findUniqueOrThrow({ where: { id: assignment.id } })).dueAt).toBeNull();
  });

  test("a manager takes a dossier off a reviewer who will not answer, giving the reason", async ({ page, context }) => {
    const wave = await createReviewWave(e2eDb);
    const dossier = await createSubmittedDossier(e2eDb, wave, { name: "CH des Absents" });
    const reviewer = await createReviewer(e2eDb, { name: "Paul Absent" });
    const assignment = await assign(dossier.id, reviewer.userId);
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);
    await page.goto(`/dossiers/${dossier.id}`);

    const remove = page.getByRole("button", { name: "Retirer le dossier à Paul Absent" });
    await waitForHydration(remove);
    await press(page, remove, "Enter");
    const form = page.getByRole("form", { name: "Retirer le dossier à Paul Absent" });
    await press(page, form.getByRole("button", { name: "Retirer le dossier" }), "Enter");
    await expect(form.getByText("Indiquez le motif du retrait.")).toBeVisible();
    await form.getByLabel("Motif (envoyé à l'instructeur)").fill("Instructeur indisponible.");
    await press(page, form.getByRole("button", { name: "Retirer le dossier" }), "Enter");
    await expect(page.getByRole("cell", { name: /Paul Absent/ })).toHaveCount(0);
    // Its row and button gone, the focus is on the section, and the outcome is said.
    await expect(page.getByRole("heading", { name: "Instruction", level: 2 })).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: "Le dossier est retiré à Paul Absent." })).toBeVisible();
    expect(await e2eDb.reviewerAssignment.count({ where: { id: assignment.id } })).toBe(0);

    // Once the dossier is scored, its assignments no longer change: a review left undone is no longer
    // expected, and neither « Retirer » nor « Changer l'échéance » is offered.
    const other = await createReviewer(e2eDb, { name: "Lise Tardive" });
    await assign(dossier.id, other.userId);
    await e2eDb.application.update({ where: { id: dossier.id }, data: { state: "SCORED" } });
    await page.reload();
    await expect(page.getByRole("row", { name: /Lise Tardive/ })).toContainText("Non transmise : instruction close");
    await expect(page.getByRole("button", { name: "Changer l'échéance de Lise Tardive" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Retirer le dossier à Lise Tardive" })).toHaveCount(0);
  });

  test("a manager keeps a reviewer's profile: ARS role, regions and affiliations", async ({ page, context }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    const reviewer = await createReviewer(e2eDb, { name: "Denis Profil" });
    await signInAs(context, manager.id);
    await page.goto(`/pilotage/utilisateurs/${reviewer.userId}`);
    await waitForHydration(page.getByRole("radio", { name: "Instructeur d'ARS (niveau régional)" }));
    await page.getByRole("radio", { name: "Instructeur d'ARS (niveau régional)" }).check({ force: true });
    await page.getByRole("checkbox", { name: "Bretagne" }).check({ force: true });
    await page.getByRole("button", { name: "Ajouter un lien" }).click();
    await page.getByLabel("FINESS, SIRET ou code région").fill("690781810");
    await page.getByLabel("Depuis le").fill("2019-09-01");
    await expectNoSeriousAccessibilityViolation(page);
    await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
    await expect(page.getByText("Fiche enregistrée.")).toBeVisible();
    const stored = await e2eDb.user.findUniqueOrThrow({
      where: { id: reviewer.userId },
      include: { reviewerRegions: true, affiliations: true },
    });
    expect(stored.staffRole).toBe("REGIONAL_REVIEWER");
    expect(stored.reviewerRegions.map((region) => region.regionCode)).toEqual(["53"]);
    expect(stored.affiliations.map((affiliation) => [affiliation.kind, affiliation.reference])).toEqual([["FINESS", "690781810"]]);
  });

  test("an affiliation matching a dossier already assigned is said on saving the profile, and flagged on the assignment page with any override's reason", async ({
    page,
    context,
  }) => {
    const wave = await createReviewWave(e2eDb, { k: 1 });
    const sources = await createSubmittedDossier(e2eDb, wave, { name: "IME Les Sources" });
    const arc = await createSubmittedDossier(e2eDb, wave, { name: "EEAP L'Arc-en-Ciel" });
    const ej = async (dossier: { establishment: { id: string } }) =>
      (await e2eDb.establishment.findUniqueOrThrow({ where: { id: dossier.establishment.id } })).finessEj;
    const thomas = await createReviewer(e2eDb, { name: "Thomas Lien" });
    const karim = await createReviewer(e2eDb, { name: "Karim Dérogé", affiliations: [{ kind: "FINESS", reference: await ej(arc) }] });
    await assign(sources.id, thomas.userId);
    // Assigned by a manager despite the flag, with the reason written then.
    await e2eDb.reviewerAssignment.create({
      data: {
        applicationId: arc.id,
        reviewerId: karim.userId,
        tier: "NATIONAL",
        flags: ["ESTABLISHMENT_FINESS"],
        overrideReason: "Seul expert disponible.",
      },
    });
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);

    await page.goto(`/pilotage/utilisateurs/${thomas.userId}`);
    await waitForHydration(page.getByRole("button", { name: "Ajouter un lien" }));
    await page.getByRole("button", { name: "Ajouter un lien" }).click();
    await page.getByLabel("FINESS, SIRET ou code région").fill(await ej(sources));
    await page.getByLabel("Depuis le").fill("2015-01-01");
    await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
    const { number } = await e2eDb.application.findUniqueOrThrow({ where: { id: sources.id }, select: { number: true } });
    await expect(page.getByText("Fiche enregistrée.")).toHaveText(
      `Fiche enregistrée. Ces liens d'intérêts concernent un dossier déjà attribué à Thomas Lien (${dossierReference(number)} « IME Les Sources ») : vérifiez-le sur la page d'attribution de sa vague.`,
    );

    await page.goto(`/pilotage/vagues/${wave.waveId}/attribution?vue=tous`);
    await expect(page.getByText("⚠ 2 attributions ont un lien d'intérêts détecté")).toBeVisible();
    const table = page.getByRole("table", { name: "Dossiers du niveau national" });
    const instructors = (name: string) => table.getByRole("row").filter({ hasText: name }).getByRole("listitem");
    await expect(instructors("IME Les Sources")).toContainText("Thomas Lien");
    await expect(instructors("IME Les Sources")).toContainText(
      "⚠ Lien d'intérêts détecté : Employeur : l'établissement ou son entité juridique (FINESS)",
    );
    await expect(instructors("IME Les Sources")).not.toContainText("dérogation");
    await expect(instructors("EEAP L'Arc-en-Ciel")).toContainText(
      "⚠ Lien d'intérêts détecté : Employeur : l'établissement ou son entité juridique (FINESS)Attribué par dérogation : « Seul expert disponible. »",
    );
    await expectNoSeriousAccessibilityViolation(page);
  });
});

const CONFLICT_EMPLOYMENT = "J'exerce ou j'ai exercé, depuis moins de 3 ans, pour l'établissement ou son entité juridique (EJ)";
