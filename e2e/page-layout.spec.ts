import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolation } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { waitForHydration } from "./fixtures/hydration";
import { signInAs } from "./fixtures/sessions";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { templateCsv } from "@/lib/roster/import/fixtures.test-helpers";
import { recordIndicatorSnapshot } from "@/lib/roster/snapshots";
import {
  createDraft,
  createEstablishment,
  createOpenWave,
  createReviewer,
  createReviewWave,
  createScoredDossier,
  createSelectedDossier,
  createSubmittedDossier,
  createUser,
  fillDossier,
  insertRoster,
  ROSTER_CASES,
} from "@/test/factories";

/** Rough edges seen in the pages: wide tables, checkboxes, links and reasons. */

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error("not rendered");
  return found;
}

/** The document is no wider than the screen (RGAA 10.11, WCAG 1.4.10): what is wider scrolls in its own frame. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/**
 * `target` is in a frame that scrolls on its own, and the keyboard reaches it: the frame
 * takes the focus and has a name (RGAA 7.3), and scrolling it to its end brings `target` on screen.
 */
async function expectReachableInItsFrame(page: Page, target: Locator) {
  const frame = target.locator("xpath=ancestor-or-self::*[@tabindex='0'][@role='region'][1]");
  await expect(frame).toHaveAccessibleName(/\S/);
  await frame.focus();
  await expect(frame).toBeFocused();
  await frame.evaluate((element) => element.scrollTo({ left: element.scrollWidth, behavior: "instant" }));
  const found = await box(target);
  const width = page.viewportSize()!.width;
  // Its end on screen, and all of it when it is narrower than the screen.
  expect(found.x + found.width).toBeGreaterThan(0);
  expect(found.x + found.width).toBeLessThanOrEqual(width);
  if (found.width <= width) expect(found.x).toBeGreaterThanOrEqual(0);
}

/**
 * Every field of an open `<details>` ends inside it: the content of a `<details>` is a pseudo-element
 * that the DSFR's `box-sizing` reached only through our own rule, and a field of `width: 100%` that
 * adds its padding to that width sticks out of its column (and out of the screen at 320 px).
 */
async function expectFieldsInside(details: Locator) {
  await expect(details).toHaveAttribute("open", "");
  const frame = await box(details);
  const fields = await details.locator("input:not([type=radio]):not([type=checkbox]), select, textarea").all();
  expect(fields.length).toBeGreaterThan(0);
  for (const field of fields) {
    const found = await box(field);
    expect(found.x).toBeGreaterThanOrEqual(frame.x - 0.5);
    expect(found.x + found.width).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
  }
}

/**
 * A button of a DSFR group shows its text beside its icon (WCAG 2.4.6, 2.5.3): the DSFR makes a
 * button with an `fr-icon-*` class a 2.5 rem square showing only the icon, its text cut off, in a
 * group without an `fr-btns-group--icon-left` or `--icon-right` modifier.
 */
async function expectTextShown(button: Locator) {
  await expect(button).toBeVisible();
  const { width, clipped } = await button.evaluate((element) => ({
    width: element.getBoundingClientRect().width,
    clipped: element.scrollWidth > element.clientWidth + 1,
  }));
  expect(width).toBeGreaterThan(40);
  expect(clipped, "the button's text is cut off").toBe(false);
}

/** A reviewer with a dossier to score, who declared no conflict: the grid is open to them. */
async function reviewerWithAGrid() {
  const wave = await createReviewWave(e2eDb, { k: 1 });
  const dossier = await createSubmittedDossier(e2eDb, wave);
  const reviewer = await createReviewer(e2eDb);
  await e2eDb.application.update({ where: { id: dossier.id }, data: { state: "UNDER_REVIEW", version: { increment: 1 } } });
  const assignment = await e2eDb.reviewerAssignment.create({ data: { applicationId: dossier.id, reviewerId: reviewer.userId } });
  await e2eDb.conflictDeclaration.create({ data: { assignmentId: assignment.id, hasConflict: false } });
  await e2eDb.review.create({ data: { assignmentId: assignment.id } });
  return { reviewerId: reviewer.userId, assignmentId: assignment.id };
}

/** The page never scrolls sideways; the table fits, or scrolls in its own frame with its first column in view. */
async function expectTableFitsOrScrollsInItsFrame(page: Page, table: Locator) {
  await expectNoSidewaysScroll(page);
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

  test.describe("at 375 px, the page never scrolls sideways and what is wider scrolls in its own frame", () => {
    test.use({ viewport: { width: 375, height: 800 } });

    test("the ANS accounts, for a programme manager: the actions column is reached in the table's frame", async ({ page, context }) => {
      const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
      const narrow = await createUser(e2eDb, { staffRole: "REVIEWER", name: "Agent Étroit" });
      await signInAs(context, manager.id);
      await page.goto(`/pilotage/utilisateurs?search=${encodeURIComponent(narrow.email)}`);
      const table = page.getByRole("table", { name: "Comptes des agents" });
      await expect(table).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectReachableInItsFrame(page, table.getByRole("button", { name: "Désactiver le compte d'Agent Étroit" }));
    });

    test("a wave's payments, for a programme manager: the action column is reached in the table's frame", async ({ page, context }) => {
      const dossier = await createSelectedDossier(e2eDb, { name: "CH Écran Étroit" });
      const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
      await signInAs(context, manager.id);
      await page.goto(`/pilotage/vagues/${dossier.wave.waveId}/versements`);
      const table = page.getByRole("table", { name: "Tranches de la vague" });
      await expect(table).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectReachableInItsFrame(page, table.getByRole("link", { name: /^Ordonnancer/ }));
    });

    test("a scored dossier, for a programme manager: its indicators and reviews are reached in their frames", async ({ page, context }) => {
      const wave = await createReviewWave(e2eDb);
      const reviewer = await createReviewer(e2eDb, { name: "Instructrice Étroite" });
      const dossier = await createScoredDossier(e2eDb, wave, [{ reviewerId: reviewer.userId, value: 3 }]);
      await insertRoster(e2eDb, dossier.establishment.id);
      const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
      await signInAs(context, manager.id);
      await page.goto(`/dossiers/${dossier.id}`);
      await expect(page.getByRole("table", { name: "Attributions et évaluations" })).toBeVisible();
      await expect(
        page.getByRole("table", { name: "Attributions et évaluations" }).getByRole("columnheader", { name: "Échéance (heure de Paris)" }),
      ).toBeVisible();
      await expectNoSidewaysScroll(page);
      for (const caption of ["Indicateurs actuels par profession", "Indicateurs actuels par population"]) {
        await expectReachableInItsFrame(page, page.getByRole("table", { name: caption }).getByRole("columnheader").last());
      }
      await expectReachableInItsFrame(
        page,
        page.getByRole("table", { name: "Attributions et évaluations" }).getByRole("button", { name: /Instructrice Étroite/ }),
      );
    });

    test("the API documentation, for a visitor: each command too long for the screen scrolls in its own named frame", async ({ page }) => {
      await page.goto("/documentation-api");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page);
      const blocks = await page.locator("main pre").all();
      expect(blocks.length).toBeGreaterThan(1);
      let scrolling = 0;
      for (const block of blocks) {
        if (await block.evaluate((element) => element.scrollWidth > element.clientWidth)) {
          scrolling += 1;
          await expectReachableInItsFrame(page, block.locator("code"));
        }
      }
      // The commands of the API's routes are longer than the screen is wide.
      expect(scrolling).toBeGreaterThan(0);
      await expectReachableInItsFrame(
        page,
        page.getByRole("table", { name: "Paramètres de « Lister les dossiers »" }).getByRole("columnheader").last(),
      );
      await expectNoSeriousAccessibilityViolation(page);
    });
  });

  test.describe("at 320 px, a form opened in a <details> fits the screen", () => {
    test.use({ viewport: { width: 320, height: 800 } });

    test("a rejected line's correction, in an import's preview", async ({ page, context }) => {
      const establishment = await createEstablishment(e2eDb);
      const director = await createUser(e2eDb, { establishmentId: establishment.id });
      await signInAs(context, director.id);
      const file = templateCsv([
        { Nom: "ARNAUD", Prénom: "Léa", RPPS: withRppsKey("3000000001") },
        { Nom: "COLIN", Prénom: "Inès", RPPS: "1234" },
      ]);
      await page.goto(`/etablissements/${establishment.id}/professionnels/import`);
      await waitForHydration(page.getByLabel("Fichier du registre"));
      await page.getByLabel("Fichier du registre").setInputFiles({ name: "registre.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
      await page.getByRole("button", { name: "Vérifier le fichier" }).click();
      await page.getByText("Corriger la ligne 3", { exact: true }).click();
      await expect(page.getByRole("form", { name: "Corriger la ligne 3" }).getByRole("textbox", { name: /^RPPS/ })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectFieldsInside(page.locator("details", { has: page.getByText("Corriger la ligne 3", { exact: true }) }));
    });

    test("a conflict declared from the scoring page", async ({ page, context }) => {
      const { reviewerId, assignmentId } = await reviewerWithAGrid();
      await signInAs(context, reviewerId);
      await page.goto(`/instruction/${assignmentId}`);
      await page.getByText("Déclarer un lien d'intérêts", { exact: true }).click();
      await expect(page.getByLabel("Précisions (facultatif)")).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectFieldsInside(page.locator("details", { has: page.getByText("Déclarer un lien d'intérêts", { exact: true }) }));
    });
  });

  test.describe("at 320 px, a file field's refusal fits the screen", () => {
    test.use({ viewport: { width: 320, height: 800 } });

    test("an objective's evidence refused in the browser", async ({ page, context }) => {
      const establishment = await createEstablishment(e2eDb);
      const director = await createUser(e2eDb, { establishmentId: establishment.id });
      const wave = await createOpenWave(e2eDb);
      const draft = await createDraft(e2eDb, establishment.id, wave);
      await signInAs(context, director.id);
      await page.goto(`/dossiers/${draft.id}/auto-evaluation`);
      const field = page.locator(`#objective-${wave.objectives[0]!.code}`).getByLabel(/Ajouter une pièce justificative/);
      await waitForHydration(field);
      await expectNoSidewaysScroll(page);
      await field.setInputFiles({ name: "vide.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) });
      await expect(field).toHaveAccessibleDescription(/Le fichier « vide\.pdf » est vide\./);
      await expectNoSidewaysScroll(page);
    });
  });

  test.describe("the buttons of a DSFR group show their text, not only their icon", () => {
    test("the scoring page's « Enregistrer maintenant » and « Transmettre l'évaluation »", async ({ page, context }) => {
      const { reviewerId, assignmentId } = await reviewerWithAGrid();
      await signInAs(context, reviewerId);
      await page.goto(`/instruction/${assignmentId}`);
      for (const name of ["Enregistrer maintenant", "Transmettre l'évaluation"]) await expectTextShown(page.getByRole("button", { name }));
    });

    test("the establishment page's downloads of every reading", async ({ page, context }) => {
      const establishment = await createEstablishment(e2eDb);
      const director = await createUser(e2eDb, { establishmentId: establishment.id });
      await insertRoster(e2eDb, establishment.id);
      await recordIndicatorSnapshot(e2eDb, establishment.id, "CHANGE");
      await signInAs(context, director.id);
      await page.goto(`/etablissements/${establishment.id}`);
      for (const format of ["CSV", "XLSX"]) {
        await expectTextShown(page.getByRole("link", { name: `Télécharger tous les relevés depuis le début en ${format}` }));
      }
    });
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

/**
 * Text at 200 % (WCAG 1.4.4), two ways. Chromium's own font-size setting (« Taille de la police »,
 * what a person sets once for every site): the DSFR's breakpoints are in em, so at 1280 px the
 * header takes its narrow layout. A text-only zoom or a root font size leaves the layout as it is
 * and doubles the text in it: the wide header's row must hold it.
 */
async function enlargeTextInSettings(page: Page) {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
}

async function enlargeRootText(page: Page) {
  await page.addInitScript(() =>
    document.addEventListener("DOMContentLoaded", () => {
      document.documentElement.style.fontSize = "200%";
    }),
  );
}

/**
 * No sideways scrolling, and every part of the header shown (the logo, the service's title and
 * tagline, the quick-access links, « Menu »): inside the screen, and not cut by a box of the header
 * that hides what overflows it (the DSFR's logo block does).
 */
async function expectHeaderWhole(page: Page) {
  await expectNoSidewaysScroll(page);
  const cut = await page.locator("header.fr-header").evaluate((header) => {
    const parts = header.querySelectorAll<HTMLElement>(
      ".fr-header__logo .fr-logo, .fr-header__service-title, .fr-header__service-tagline, .fr-header__tools-links .fr-btn, .fr-header__navbar .fr-btn",
    );
    const problems: string[] = [];
    // The brand's focus ring, 2px outside it and 2px wide: a quick-access link under it is clear of it.
    const brand = header.querySelector(".fr-header__brand")!.getBoundingClientRect();
    for (const link of header.querySelectorAll<HTMLElement>(".fr-header__tools-links .fr-btn")) {
      const own = link.getBoundingClientRect();
      const apart = own.top >= brand.bottom + 4 || own.left >= brand.right + 4 || own.bottom <= brand.top - 4;
      if (own.width > 0 && !apart) problems.push(`${link.innerText}: under the brand's focus ring`);
    }
    for (const part of parts) {
      const own = part.getBoundingClientRect();
      if (own.width === 0 || getComputedStyle(part).visibility === "hidden") continue;
      const name = part.innerText.replace(/\s+/g, " ");
      if (own.left < -0.5 || own.right > document.documentElement.clientWidth + 0.5) problems.push(`${name}: off the screen`);
      for (let box = part.parentElement; box && box !== header.parentElement; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.overflowX === "visible" && style.overflowY === "visible") continue;
        const frame = box.getBoundingClientRect();
        if (own.left < frame.left - 0.5 || own.right > frame.right + 0.5 || own.top < frame.top - 0.5 || own.bottom > frame.bottom + 0.5)
          problems.push(`${name}: cut by .${box.className.split(" ")[0]}`);
      }
    }
    return problems;
  });
  expect(cut).toEqual([]);
}

test.describe("the header at 200 % text keeps each of its parts whole, without sideways scrolling", () => {
  test("in Chromium's font-size setting, at 1280 px and 320 px", async ({ page, context }) => {
    const director = await createUser(e2eDb, {
      establishmentId: (await createEstablishment(e2eDb)).id,
      name: "Marie-Charlotte de La Rochefoucauld",
    });
    await enlargeTextInSettings(page);
    for (const signedIn of [false, true]) {
      if (signedIn) await signInAs(context, director.id);
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto("/");
        await expect(page.locator("html")).toHaveCSS("font-size", "32px");
        await expectHeaderWhole(page);
      }
    }
  });

  test("with the page's text doubled in the wide layout, at 1280 px", async ({ page, context }) => {
    const director = await createUser(e2eDb, {
      establishmentId: (await createEstablishment(e2eDb)).id,
      name: "Marie-Charlotte de La Rochefoucauld",
    });
    await enlargeRootText(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const signedIn of [false, true]) {
      if (signedIn) await signInAs(context, director.id);
      await page.goto("/");
      await expect(page.locator("html")).toHaveCSS("font-size", "32px");
      // The wide layout: the quick-access links in the header's row, not behind « Menu ».
      await expect(
        page
          .locator(".fr-header__tools-links")
          .getByRole("link", { name: signedIn ? "Marie-Charlotte de La Rochefoucauld" : "Se connecter" }),
      ).toBeVisible();
      await expectHeaderWhole(page);
    }
  });
});

test.describe("the « Paramètres d'affichage » dialog at 200 % text fits the screen, its text whole", () => {
  for (const [way, enlarge] of [
    ["Chromium's font-size setting", enlargeTextInSettings],
    ["the page's text doubled", enlargeRootText],
  ] as const) {
    test(`${way}, at 320 px and 1280 px`, async ({ page }) => {
      await enlarge(page);
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto("/connexion");
        await expect(page.locator("html")).toHaveCSS("font-size", "32px");
        const open = page.getByRole("button", { name: "Paramètres d'affichage" }).last();
        await waitForHydration(open);
        await open.click();
        const dialog = page.getByRole("dialog", { name: "Paramètres d'affichage" });
        await expect(dialog.getByRole("radio", { name: /Thème clair/ })).toBeVisible();
        // What the dialog shows fits in it: nothing to scroll sideways, no sentence cut on the right.
        const [scrolled, shown] = await dialog.locator(".fr-modal__body").evaluate((body) => [body.scrollWidth, body.clientWidth]);
        expect(scrolled).toBeLessThanOrEqual(shown!);
        await expectNoSidewaysScroll(page);
      }
    });
  }
});

test.describe("on a phone, with the text at 200 %, a form's group of fields is no wider than the screen", () => {
  test("a professional's identity and MIE, with their date fields, at 375 px", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const [professionalId] = await insertRoster(e2eDb, establishment.id, [ROSTER_CASES[0]!], false);
    await signInAs(context, director.id);
    await enlargeTextInSettings(page);
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(`/etablissements/${establishment.id}/professionnels/${professionalId}`);
    await expect(page.locator("html")).toHaveCSS("font-size", "32px");
    await expect(page.getByLabel("Date de naissance")).toBeVisible();
    await expectNoSidewaysScroll(page);
  });
});
