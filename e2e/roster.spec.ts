import { readFile } from "node:fs/promises";
import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { GOOD_LINE, templateCsv, type TemplateLine } from "@/lib/roster/import/fixtures.test-helpers";
import { TEMPLATE_COLUMNS } from "@/lib/roster/template/columns";
import { expectNoSeriousAccessibilityViolation, timesAnnounced } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { waitForHydration } from "./fixtures/hydration";
import { signInAs } from "./fixtures/sessions";
import { createEstablishment, createUser, insertRoster, ROSTER_CASES } from "@/test/factories";

const RPPS = [withRppsKey("3000000001"), withRppsKey("3000000002"), withRppsKey("3000000003")];

/** Three professionals; the third line's RPPS number is too short. */
const FILE = templateCsv([
  { Nom: "ARNAUD", Prénom: "Léa", RPPS: RPPS[0] },
  { Nom: "BERNARD", Prénom: "Hugo", RPPS: RPPS[1], MIE: "" },
  { Nom: "COLIN", Prénom: "Inès", RPPS: "1234", Population: "salarié" },
]);

/** A director on the form of their establishment's one professional, who has one MIE (an e-CPS enrolled on 2024-01-01); its « Ajouter un MIE » button. */
async function openProfessionalWithOneMie(page: Page, context: BrowserContext): Promise<Locator> {
  const establishment = await createEstablishment(e2eDb);
  const director = await createUser(e2eDb, { establishmentId: establishment.id });
  const [professionalId] = await insertRoster(e2eDb, establishment.id, [ROSTER_CASES[0]!], false);
  await signInAs(context, director.id);
  await page.goto(`/etablissements/${establishment.id}/professionnels/${professionalId}`);
  const add = page.getByRole("button", { name: "Ajouter un MIE" });
  await waitForHydration(add);
  return add;
}

test.describe("professional roster", () => {
  test("a director imports a file, fixes a rejected line, commits, sees the indicators move, exports and re-imports the export unchanged", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await signInAs(context, director.id);

    await page.goto(`/etablissements/${establishment.id}`);
    await expect(page.getByText("Aucun professionnel dans le registre")).toBeVisible();
    await page.goto(`/etablissements/${establishment.id}/professionnels`);
    await expect(page.getByRole("heading", { name: "Le registre est vide" })).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);

    await page.getByRole("link", { name: "Importer un fichier" }).click();
    // The guide's « Non » is about a column's values: the column itself must be in the file, as the
    // refusal of a file without it says too.
    await page.getByText("Comment remplir le modèle, colonne par colonne").click();
    await expect(page.getByRole("columnheader", { name: "Valeur obligatoire" })).toBeVisible();
    await expect(page.getByText("Toutes les colonnes du modèle doivent figurer dans le fichier, même vides.")).toBeVisible();
    await page.getByLabel("Fichier du registre").setInputFiles({ name: "registre.csv", mimeType: "text/csv", buffer: Buffer.from(FILE) });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await expect(page.getByRole("heading", { name: "Aperçu de l'import" })).toBeVisible();
    // The button that had the focus stayed on the page left behind: the preview's title takes it.
    await expect(
      page.locator("main div[tabindex='-1']", { has: page.getByRole("heading", { level: 1, name: "Aperçu de l'import" }) }),
    ).toBeFocused();
    await expect(page).toHaveTitle(`Aperçu de l'import – registre.csv – ${establishment.name} – HospiConnect`);
    await expect(
      page.getByRole("navigation", { name: "vous êtes ici :" }).getByRole("link", { name: "Importer des professionnels" }),
    ).toBeVisible();
    await expect(page.getByText("Ligne 4 : le numéro RPPS 1234 doit comporter 11 chiffres.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Lignes rejetées (1)" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Importer 2 professionnels (la ligne rejetée ne sera pas importée)" })).toBeVisible();
    expect(await e2eDb.professional.count({ where: { establishmentId: establishment.id } })).toBe(0);
    // Who will be added, by name, before anything is written.
    await page.getByText("Professionnels à ajouter (2)").click();
    await expect(page.getByText("Ligne 2 : ARNAUD Léa")).toBeVisible();
    await expect(page.getByText("Ligne 3 : BERNARD Hugo")).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);

    await page.getByText("Corriger la ligne 4").click();
    const correction = page.getByRole("form", { name: "Corriger la ligne 4" });
    // Each field's name ends with the guide's help: what to write, whether a value is required.
    const rppsField = correction.getByRole("textbox", { name: /^RPPS/ });
    // The cell in error says so under its own field from the start; the others do not.
    await expect(rppsField).toHaveAttribute("aria-invalid", "true");
    await expect(rppsField).toHaveAccessibleDescription(/Le numéro RPPS 1234 doit comporter 11 chiffres\./);
    await expect(correction.getByRole("textbox", { name: /^Nom/ })).not.toHaveAttribute("aria-invalid", "true");
    // Each field says, before a check refuses it, what to write and whether a value is required: the guide's words.
    // A date typed by a person is a date, never a spreadsheet's day count.
    const startField = correction.getByRole("textbox", { name: /^Début d'activité/ });
    await expect(startField).toHaveAccessibleName(/Une date JJ\/MM\/AAAA\. Valeur obligatoire : Oui\.$/);
    await expect(rppsField).toHaveAccessibleName(/Le numéro RPPS, 11 chiffres .*Valeur obligatoire : Non\.$/);
    await expect(correction.getByRole("combobox", { name: "Population" })).toHaveAccessibleName(/Valeur obligatoire : Oui\./);
    // A column that takes one value of a list is a choice among the values the import reads; the file's
    // « salarié » is shown as that choice, not as a value to fix.
    await expect(correction.getByRole("combobox", { name: "Population" })).toHaveValue("Salarié");
    await expect(correction.getByRole("option", { name: /valeur du fichier/ })).toHaveCount(0);
    await expect(correction.getByRole("combobox", { name: "Besoin DMP" }).getByRole("option")).toHaveText(["(vide)", "Oui", "Non"]);
    await rppsField.fill("12345");
    await startField.fill("45000");
    await correction.getByRole("button", { name: "Vérifier la ligne 4 corrigée" }).click();
    // Still wrong: said under each field, the first of which takes the focus.
    await expect(rppsField).toHaveAccessibleDescription(/Le numéro RPPS 12345 doit comporter 11 chiffres\./);
    await expect(startField).toHaveAccessibleDescription(/« 45000 » est un nombre, pas une date, dans la colonne « Début d'activité »/);
    await expect(rppsField).toBeFocused();
    await startField.fill(GOOD_LINE["Début d'activité"]);
    await expect(correction.getByText("La ligne n'est pas encore valide : corrigez les champs signalés.")).toBeVisible();
    // A duplicate is about the line, not a field: said once, by the form's live region, the focus
    // back on the button, disabled while the line was checked.
    await rppsField.fill(RPPS[0]!);
    const check = correction.getByRole("button", { name: "Vérifier la ligne 4 corrigée" });
    await check.click();
    await expect(correction.getByText(/doublon de la ligne 2/)).toBeVisible();
    await expect(check).toBeFocused();
    expect(await timesAnnounced(page, "doublon de la ligne 2")).toBe(1);
    await rppsField.fill(RPPS[2]!);
    await correction.getByRole("button", { name: "Vérifier la ligne 4 corrigée" }).click();
    await expect(page.getByRole("heading", { name: /Lignes rejetées/ })).toBeHidden();
    // The corrected line's form is gone; the focus is on the preview's title, not lost.
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    await expect(page.getByText("Professionnels à ajouter (3)")).toBeVisible();

    await page.getByRole("button", { name: "Importer 3 professionnels" }).click();
    await expect(page.getByText("3 professionnels ajoutés, 0 mis à jour, 0 déjà à jour, 0 ligne rejetée non importée.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Import enregistré" })).toBeFocused();
    await expect(page).toHaveTitle(`Import enregistré – registre.csv – ${establishment.name} – HospiConnect`);
    const stored = await e2eDb.professional.findMany({ where: { establishmentId: establishment.id }, orderBy: { lastName: "asc" } });
    expect(stored.map((professional) => [professional.lastName, professional.rpps])).toEqual([
      ["ARNAUD", RPPS[0]],
      ["BERNARD", RPPS[1]],
      ["COLIN", RPPS[2]],
    ]);

    // BERNARD has no MIE: 2 of the 3 are RIE-compliant.
    await page.getByRole("link", { name: "Voir les indicateurs de l'établissement" }).click();
    await expect(page.getByText("2 sur 3 (67 %)").first()).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);
    await page.screenshot({ path: "test-results/establishment-compliance.png", fullPage: true });

    await page.goto(`/etablissements/${establishment.id}/professionnels`);
    await expect(page.getByRole("status").filter({ hasText: "3 professionnels en activité, sur 3 dans le registre" })).toBeVisible();
    await expect(page.getByRole("link", { name: "BERNARD Hugo" })).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);

    // Sorting is done by the server: descending by name puts COLIN first. From the keyboard on a
    // phone, the header keeps the focus and stays in view.
    await page.setViewportSize({ width: 320, height: 640 });
    const byName = page.getByRole("button", { name: /^Nom/ });
    await byName.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=name&dir=desc/);
    await expect(page.locator("tbody tr").first()).toContainText("COLIN");
    await expect(byName).toBeFocused();
    await expect(byName).toBeInViewport();
    // On a phone the name column scrolls with the others; from medium screens up it stays in view.
    const nameCell = page.getByRole("rowheader").first();
    await expect(nameCell).toHaveCSS("position", "static");
    // The table scrolls in its own frame, not the page (RGAA 10.11); its columns of sentences and
    // badges keep the DSFR's medium width instead of a few words per line.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expect(page.getByRole("columnheader", { name: "À faire" })).toHaveCSS("min-width", "200px");
    await expect(page.getByRole("columnheader", { name: "Conformité" })).toHaveCSS("min-width", "200px");
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect(nameCell).toHaveCSS("position", "sticky");

    // The export ignores the filters on screen: the button and its description say so.
    const exportCsv = page.getByRole("link", { name: "Exporter tout le registre (CSV)", exact: true });
    await expect(exportCsv).toHaveAccessibleDescription(
      "Tous les professionnels, départs compris, au format du modèle d'import, avec en dernières colonnes leur situation du jour : le fichier se réimporte tel quel.",
    );
    await expect(page.getByRole("link", { name: "Exporter tout le registre (Excel)", exact: true })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), exportCsv.click()]);
    const exported = await readFile((await download.path())!);
    const [header, ...rows] = exported.toString("utf8").split("\r\n");
    // After the template's columns, each professional's verdicts of the day, worded as the table words them.
    expect(header).toMatch(
      /;MIE;Calculé : situation au;Calculé : activité;Calculé : MIE conforme au RIE;Calculé : accès au DMP;Calculé : identité substantielle;Calculé : enregistré au RPPS;/,
    );
    expect(rows.find((row) => row.startsWith("ARNAUD;Léa;"))).toMatch(
      /;\d\d\/\d\d\/\d{4};En activité;MIE conforme;Accès DMP;Identité substantielle;Enregistré au RPPS;/,
    );
    expect(rows.find((row) => row.startsWith("BERNARD;Hugo;"))).toMatch(/;En activité;MIE non conforme;Pas d'accès DMP;/);

    await page.goto(`/etablissements/${establishment.id}/professionnels/import`);
    await waitForHydration(page.getByLabel("Fichier du registre"));
    await page
      .getByLabel("Fichier du registre")
      .setInputFiles({ name: download.suggestedFilename(), mimeType: "text/csv", buffer: exported });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await expect(page.getByText("Ce fichier ne change rien au registre.")).toBeVisible();
    // The computed columns are the export's own: skipped without a word.
    await expect(page.getByText(/Colonne ignorée/)).toHaveCount(0);
    await expect(page.getByText("déjà à jour")).toBeVisible();
    const after = await e2eDb.professional.findMany({ where: { establishmentId: establishment.id }, orderBy: { lastName: "asc" } });
    expect(after.map((professional) => professional.version)).toEqual(stored.map((professional) => professional.version));
  });

  test("a file refused in the browser, by the server or for want of a network gives the focus to the file field, which says why", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}/professionnels/import`);
    const file = page.getByLabel("Fichier du registre");
    await waitForHydration(file);
    const check = page.getByRole("button", { name: "Vérifier le fichier" });

    await check.click();
    await expect(file).toHaveAccessibleDescription(/Choisissez un fichier CSV ou Excel \(\.xlsx\)\./);
    await expect(file).toBeFocused();
    // Said by the field the focus lands on, not by a live region or an alert besides.
    expect(await timesAnnounced(page, "Choisissez un fichier CSV ou Excel (.xlsx).")).toBe(1);

    await file.setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
    await check.click();
    await expect(file).toHaveAccessibleDescription(/Le fichier « empty\.csv » est vide\./);
    await expect(file).toBeFocused();

    // Past the browser's check, the server receives an empty file and refuses it.
    const imports = `**/api/establishments/${establishment.id}/roster/imports`;
    await page.route(imports, (route) => {
      const boundary = /boundary=(.+)$/.exec(route.request().headers()["content-type"] ?? "")?.[1];
      return route.continue({
        postData: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="tronque.csv"\r\nContent-Type: text/csv\r\n\r\n\r\n--${boundary}--\r\n`,
      });
    });
    await file.setInputFiles({ name: "registre.csv", mimeType: "text/csv", buffer: Buffer.from(FILE) });
    await check.click();
    // Said once, though the server words it as its message and as the field's error.
    await expect(file).toHaveAccessibleDescription("Le fichier « tronque.csv » est vide.");
    await expect(file).toBeFocused();

    await page.unroute(imports);
    await page.route(imports, (route) => route.abort("failed"));
    await check.click();
    await expect(file).toHaveAccessibleDescription(/L'envoi n'a pas abouti\. Vérifiez votre connexion et réessayez\./);
    await expect(file).toBeFocused();
    expect(await e2eDb.rosterImport.count({ where: { establishmentId: establishment.id } })).toBe(0);
  });

  test("a file sent on a slow line: its progress is said at each quarter, not at each percent, and the bar holds the focus meanwhile", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}/professionnels/import`);
    const file = page.getByLabel("Fichier du registre");
    await waitForHydration(file);
    // About 600 kB at 100 kB/s: the browser reports the sending's progress dozens of times.
    await file.setInputFiles({ name: "lent.csv", mimeType: "text/csv", buffer: Buffer.from(`Colonne\r\n${"x;".repeat(300_000)}`) });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 100_000 });
    // Every text the form's live region takes, in order.
    await page.evaluate(() => {
      const region = document.querySelector("main form [aria-live]")!;
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      new MutationObserver(() => said.push(region.textContent ?? "")).observe(region, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    await page.getByRole("button", { name: "Vérifier le fichier" }).focus();
    await page.keyboard.press("Enter");
    const bar = page.getByRole("progressbar", { name: "Envoi du fichier" });
    await expect(bar).toBeFocused();
    // Then the preview, or the file's refusal: either way the sending is over.
    await expect(bar).toHaveCount(0, { timeout: 30_000 });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const progress = await page.evaluate(() =>
      [...new Set((window as unknown as { said: string[] }).said)].filter((text) => text.startsWith("Envoi du fichier")),
    );
    expect(progress.length).toBeGreaterThan(0);
    for (const text of progress) expect(text).toMatch(/^Envoi du fichier : (25|50|75|100) %$/);
  });

  test("« Page suivante » from the keyboard, under the rows, shows the new page's rows from their start, with the focus on them", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const people = Array.from({ length: 45 }, (_, index) => ({
      ...ROSTER_CASES[0]!,
      rpps: null,
      rppsStatus: "NOT_REGISTERED" as const,
      enrollments: [],
      lastName: `Suivant${String(index).padStart(2, "0")}`,
    }));
    await insertRoster(e2eDb, establishment.id, people, false);
    await signInAs(context, director.id);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/etablissements/${establishment.id}/professionnels`);
    const next = page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Page suivante" });
    await waitForHydration(next);
    await next.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]page=2/);
    const rows = page.getByRole("region", { name: "Professionnels du registre" });
    await expect(rows).toBeFocused();
    const top = await rows.evaluate((element) => element.getBoundingClientRect().top);
    // Its start at the top of the view (within a pixel: its border), not 2 000 px above it.
    expect(top).toBeGreaterThan(-2);
    expect(top).toBeLessThan(720);
  });

  test("a bulk action refused for one selected professional changes nobody, and says why beside the row", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const base = {
      establishmentId: establishment.id,
      population: "SALARIED" as const,
      professionCode: "60",
      activityStart: new Date("2020-01-01"),
    };
    await e2eDb.professional.createMany({
      data: [
        { ...base, lastName: "DURAND", firstName: "Anne", rpps: RPPS[0], rppsStatus: "REQUESTED" },
        { ...base, lastName: "EMERY", firstName: "Paul", birthDate: new Date("1990-05-05") },
      ],
    });
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}/professionnels`);

    // Keyboard only: the DSFR box is drawn over the native checkbox, which keeps the focus.
    await waitForHydration(page.getByLabel("Sélectionner tous les professionnels de la page"));
    await page.getByLabel("Sélectionner tous les professionnels de la page").focus();
    await page.keyboard.press("Space");
    await expect(page.getByLabel("Sélectionner Paul EMERY")).toBeChecked();
    await page.getByRole("combobox", { name: "Action sur la sélection" }).selectOption({ label: "Marquer enregistrés au RPPS" });
    // A date the rule refuses is said on the date's field.
    const checkedOn = page.getByLabel("Vérifié dans le RPPS le");
    const today = await checkedOn.inputValue();
    await checkedOn.fill("2999-01-01");
    await page.getByRole("button", { name: "Appliquer (2)" }).click();
    await expect(checkedOn).toHaveAttribute("aria-invalid", "true");
    await expect(checkedOn).toBeFocused();
    await expect(checkedOn).toHaveAccessibleDescription(/ne peut pas être postérieure à aujourd'hui/);
    // Once, by the field that has the focus: react-dsfr's live region around the message is off.
    expect(await timesAnnounced(page, "ne peut pas être postérieure à aujourd'hui")).toBe(1);
    await checkedOn.fill(today);
    await page.getByRole("button", { name: "Appliquer (2)" }).click();
    await expect(page.getByText("Paul EMERY n'a pas de numéro RPPS : saisissez-le dans sa fiche.")).toBeVisible();
    await expect(page.getByLabel("Sélectionner Paul EMERY")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Sélectionner Paul EMERY")).toHaveAccessibleDescription(
      "Paul EMERY n'a pas de numéro RPPS : saisissez-le dans sa fiche.",
    );
    await expect(page.getByLabel("Sélectionner Anne DURAND")).not.toHaveAttribute("aria-invalid");
    expect(await e2eDb.professional.count({ where: { establishmentId: establishment.id, rppsStatus: "REGISTERED" } })).toBe(0);

    await page.getByLabel("Sélectionner Paul EMERY").focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Appliquer (1)" }).click();
    await expect(page.getByText("Marquer enregistrés au RPPS : 1 professionnel mis à jour.")).toBeVisible();
    // The button was disabled while the action ran: the outcome has the focus, not the page.
    await expect(page.locator(":focus")).toContainText("Marquer enregistrés au RPPS : 1 professionnel mis à jour.");
    expect(
      (await e2eDb.professional.findFirstOrThrow({ where: { establishmentId: establishment.id, lastName: "DURAND" } })).rppsStatus,
    ).toBe("REGISTERED");
  });

  test("the compliance filter's MIE and DMP choices say they count only the professionals who need one", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    await insertRoster(e2eDb, establishment.id);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}/professionnels`);

    const compliance = page.getByLabel("Conformité");
    await expect(compliance.getByRole("option")).toHaveText([
      "Tous",
      "MIE non conforme au RIE (parmi ceux qui en ont besoin)",
      "Sans accès au DMP alors qu'il leur en faut un",
      "Identité à vérifier",
    ]);
    await compliance.selectOption({ label: "Sans accès au DMP alors qu'il leur en faut un" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/compliance=sans-dmp/);
    await expect(page.getByRole("status").filter({ hasText: "correspondant aux filtres" })).toBeVisible();
  });

  test("a line with several MIE split by the file's separator is explained, and its correction shows every value, none dropped", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await signInAs(context, director.id);
    const file =
      templateCsv([{ Nom: "DIALLO", Prénom: "Awa", RPPS: RPPS[0], MIE: "PASSWORD:2023-03-10" }]).trimEnd() + ";E_CPS:2026-11-20\r\n";

    await page.goto(`/etablissements/${establishment.id}/professionnels/import`);
    // The page says how to fill in each column, from the values the import reads.
    await page.getByText("Comment remplir le modèle, colonne par colonne").click();
    const guide = page.getByRole("table", { name: "Les colonnes du modèle" });
    await expect(guide.getByRole("row", { name: /^MIE / })).toContainText("plusieurs MIE séparés par « , »");
    await expect(guide.getByRole("row", { name: /^Population / })).toContainText("« Salarié »");
    await expectNoSeriousAccessibilityViolation(page);
    await waitForHydration(page.getByLabel("Fichier du registre"));
    await page.getByLabel("Fichier du registre").setInputFiles({ name: "registre.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await expect(
      page.getByText(/les valeurs en trop sont des MIE : dans la colonne « MIE », séparez-les par « , » ou « \| »/),
    ).toBeVisible();

    await page.getByText("Corriger la ligne 2").click();
    const correction = page.getByRole("form", { name: "Corriger la ligne 2" });
    const excess = correction.getByLabel("Valeur en trop 1");
    await expect(excess).toHaveValue("E_CPS:2026-11-20");
    await correction.getByRole("textbox", { name: /^MIE/ }).fill("PASSWORD:2023-03-10, E_CPS:2026-11-20");
    await excess.fill("");
    await correction.getByRole("button", { name: "Vérifier la ligne 2 corrigée" }).click();
    await expect(page.getByRole("heading", { name: /Lignes rejetées/ })).toBeHidden();
    await page.getByRole("button", { name: "Importer 1 professionnel" }).click();
    await expect(page.getByText(/1 professionnel ajouté/)).toBeVisible();
    const enrolled = await e2eDb.mieEnrollment.findMany({
      where: { professional: { establishmentId: establishment.id } },
      select: { type: true },
    });
    expect(enrolled.map((row) => row.type).sort()).toEqual(["E_CPS", "PASSWORD"]);
  });

  test("a workbook with a « Notice » sheet first and a title above the column names: the preview says which sheet and lines it read, with the file's line numbers", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await signInAs(context, director.id);
    const headers = TEMPLATE_COLUMNS.map((column) => column.header);
    const line = (values: TemplateLine) => headers.map((header) => ({ ...GOOD_LINE, ...values })[header as keyof TemplateLine] ?? "");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Notice").addRow(["Remplissez la feuille « Personnel », une ligne par professionnel."]);
    const sheet = book.addWorksheet("Personnel");
    sheet.addRows([
      ["Liste du personnel – EHPAD Les Tilleuls – mars 2026"],
      [],
      headers,
      line({ Nom: "ARNAUD", Prénom: "Léa", RPPS: RPPS[0] }),
      line({ Nom: "COLIN", Prénom: "Inès", RPPS: "1234" }),
    ]);

    await page.goto(`/etablissements/${establishment.id}/professionnels/import`);
    const file = page.getByLabel("Fichier du registre");
    await waitForHydration(file);
    await file.setInputFiles({
      name: "registre.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await book.xlsx.writeBuffer()),
    });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await expect(page.getByRole("heading", { name: "Aperçu de l'import" })).toBeVisible();
    await expect(
      page.getByText("Feuille « Personnel » lue : la feuille « Notice », avant elle, ne contient pas les intitulés de colonnes du modèle."),
    ).toBeVisible();
    await expect(page.getByText("Les 2 premières lignes, avant les intitulés de colonnes, ont été ignorées.")).toBeVisible();
    await expect(page.getByText("Ligne 5 : le numéro RPPS 1234 doit comporter 11 chiffres.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Importer 1 professionnel (la ligne rejetée ne sera pas importée)" })).toBeVisible();
  });

  test("a professional's page says what is missing in words, and a wrong RPPS number is explained", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}/professionnels/nouveau`);
    await expectNoSeriousAccessibilityViolation(page);
    // Optional fields say so; the rest are required, as the sentence before them says (RGAA 11.10).
    await expect(page.getByText("Sauf mention contraire, tous les champs sont obligatoires.")).toBeVisible();
    await expect(page.getByLabel("Fin d'activité (facultatif)")).toBeVisible();
    await expect(page.getByLabel("Dernière vérification (facultatif)")).toBeVisible();
    await waitForHydration(page.getByLabel("Nom", { exact: true }));
    // Sent empty: the form says at its top that it is refused, the first field in error takes the
    // focus, and each field says its own error once, under it.
    const refused = "Certaines informations ne sont pas valides : corrigez les champs signalés.";
    await page.getByRole("button", { name: "Ajouter au registre" }).click();
    await expect(page.locator("main form > :first-child")).toHaveText(refused);
    await expect(page.getByLabel("Nom", { exact: true })).toBeFocused();
    await expect(page.getByLabel("Nom", { exact: true })).toHaveAttribute("aria-invalid", "true");
    // Each message is read as written, with its one full stop (the DSFR adds one for screen readers).
    await expect(page.getByLabel("Nom", { exact: true })).toHaveAccessibleDescription("Indiquez le nom.");
    await expect(page.getByLabel("Prénom")).toHaveAccessibleDescription("Indiquez le prénom.");
    await expect(page.getByLabel("Profession")).toHaveAccessibleDescription("Choisissez la profession.");
    expect(await timesAnnounced(page, "Indiquez le nom.")).toBe(1);
    expect(await timesAnnounced(page, refused)).toBe(1);
    await page.getByLabel("Nom", { exact: true }).fill("FAURE");
    await page.getByLabel("Prénom").fill("Jeanne");
    await page.getByLabel("Profession").selectOption("60");
    // A phone opens its digit keypad for the RPPS number.
    await expect(page.getByRole("textbox", { name: /^Numéro RPPS/ })).toHaveAttribute("inputmode", "numeric");
    await page.getByRole("textbox", { name: /^Numéro RPPS/ }).fill("10000000008");
    await page.getByRole("checkbox", { name: "Dossier médical partagé (DMP)" }).focus();
    await page.keyboard.press("Space");
    await expect(page.getByRole("checkbox", { name: "Dossier médical partagé (DMP)" })).toBeChecked();
    await page.getByRole("button", { name: "Ajouter au registre" }).click();
    await expect(
      page.getByText("Le numéro RPPS 10000000008 n'est pas valide : sa clé de contrôle (dernier chiffre) ne correspond pas."),
    ).toBeVisible();
    await expect(page.locator("main form > :first-child")).toHaveText(refused);
    expect(await e2eDb.professional.count({ where: { establishmentId: establishment.id } })).toBe(0);

    await page.getByRole("textbox", { name: /^Numéro RPPS/ }).fill(RPPS[0]!);
    await page.getByLabel("Statut RPPS").selectOption("REGISTERED");
    await page.getByRole("button", { name: "Ajouter au registre" }).click();
    const added = page.getByText("Le professionnel a été ajouté au registre.");
    await expect(added).toBeVisible();
    // Said once, by the focus it takes on arrival: the alert takes no role status, which would say it again.
    await expect(page.locator("main div[tabindex='-1']", { has: added })).toBeFocused();
    expect(await timesAnnounced(page, "Le professionnel a été ajouté au registre.")).toBe(1);
    await expect(page.getByRole("heading", { name: /Situation au/ })).toBeVisible();
    await expect(page.getByText("Identité non vérifiée", { exact: true })).toBeVisible();
    await expect(page.getByText("Aucun moyen d'authentification conforme", { exact: true })).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);
  });
  test("a director saves a professional's record twice in a row, before the page has reloaded: the second save is not taken for someone else's", async ({
    page,
    context,
  }) => {
    await openProfessionalWithOneMie(page, context);
    // The page's refresh after a save is held back until both saves have answered.
    let releaseRefresh = () => {};
    const refreshHeld = new Promise<void>((resolve) => (releaseRefresh = resolve));
    await page.route(
      (url) => url.pathname.includes("/professionnels/"),
      async (route) => {
        if (route.request().method() === "GET" && route.request().headers()["rsc"] === "1") await refreshHeld;
        await route.fallback();
      },
    );
    const firstName = page.getByLabel("Prénom", { exact: true });
    const save = page.getByRole("button", { name: "Enregistrer la fiche" });
    await firstName.fill("Léa");
    await save.click();
    await expect(page.getByText("La fiche est enregistrée.")).toBeVisible();
    await firstName.fill("Léonie");
    const secondSave = page.waitForResponse((response) => response.request().method() === "PUT");
    await save.click();
    expect((await secondSave).status()).toBe(200);
    await expect(page.getByText("La fiche est enregistrée.")).toBeVisible();
    await expect(page.getByText(/une autre personne/)).toHaveCount(0);
    releaseRefresh();
    const professionalId = page.url().split("/").pop()!;
    expect((await e2eDb.professional.findUniqueOrThrow({ where: { id: professionalId }, select: { firstName: true } })).firstName).toBe(
      "Léonie",
    );
  });

  test("a director's save whose page refresh lands after a co-editor's save: her next save is refused, the co-editor's change is kept", async ({
    page,
    context,
    browser,
  }) => {
    test.slow(); // Two people, three saves.
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const coEditor = await createUser(e2eDb, { establishmentId: establishment.id, membershipRole: "EDITOR" });
    const [professionalId] = await insertRoster(e2eDb, establishment.id, [ROSTER_CASES[0]!], false);
    const path = `/etablissements/${establishment.id}/professionnels/${professionalId}`;
    await signInAs(context, director.id);
    await page.goto(path);
    const firstName = page.getByLabel("Prénom", { exact: true });
    await waitForHydration(firstName);
    // The page's refresh after her save is held back until the co-editor has saved.
    let releaseRefresh = () => {};
    const refreshHeld = new Promise<void>((resolve) => (releaseRefresh = resolve));
    const isRefresh = (request: { method(): string; headers(): Record<string, string> }) =>
      request.method() === "GET" && request.headers()["rsc"] === "1";
    await page.route(
      (url) => url.pathname === path,
      async (route) => {
        if (isRefresh(route.request())) await refreshHeld;
        await route.fallback();
      },
    );
    await firstName.fill("Léa");
    await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
    await expect(page.getByText("La fiche est enregistrée.")).toBeVisible();

    const elsewhere = await browser.newContext();
    await signInAs(elsewhere, coEditor.id);
    const coEditorPage = await elsewhere.newPage();
    await coEditorPage.goto(path);
    const lastName = coEditorPage.getByLabel("Nom", { exact: true });
    await waitForHydration(lastName);
    await lastName.fill("Martin-Durand");
    await coEditorPage.getByRole("button", { name: "Enregistrer la fiche" }).click();
    await expect(coEditorPage.getByText("La fiche est enregistrée.")).toBeVisible();
    await elsewhere.close();

    // Her refresh lands now: the page names the co-editor's change, her form keeps the old name.
    const refreshed = page.waitForResponse((response) => new URL(response.url()).pathname === path && isRefresh(response.request()));
    releaseRefresh();
    await refreshed;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Léa Martin-Durand");
    await expect(page.getByLabel("Nom", { exact: true })).not.toHaveValue("Martin-Durand");

    // Her next save would put the old name back: it is refused.
    await firstName.fill("Léonie");
    await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
    await expect(page.getByText(/^Cette fiche a été modifiée par une autre personne pendant votre saisie\./)).toBeVisible();
    expect(
      await e2eDb.professional.findUniqueOrThrow({ where: { id: professionalId }, select: { firstName: true, lastName: true } }),
    ).toEqual({
      firstName: "Léa",
      lastName: "Martin-Durand",
    });
  });

  test("an untouched homologation form records nothing: the MIE and the date are asked for, the MIE's field takes the focus; a saved one gives it back to « Enregistrer »", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}/professionnels`);
    const form = page.getByRole("form", { name: "Enregistrer une homologation" });
    const type = form.getByLabel("MIE local");
    const date = form.getByLabel("Date de la décision");
    const save = form.getByRole("button", { name: "Enregistrer" });
    await waitForHydration(date);

    // The decision changes the indicators: nothing is chosen in advance, one Enter records nothing.
    await save.focus();
    await page.keyboard.press("Enter");
    await expect(type).toHaveAttribute("aria-invalid", "true");
    await expect(type).toHaveAccessibleDescription(/Choisissez un MIE local qui peut être homologué\./);
    await expect(type).toBeFocused();
    await expect(date).toHaveAttribute("aria-invalid", "true");
    await expect(date).toHaveAccessibleDescription(/Indiquez la date de la décision d'homologation\./);
    expect(await e2eDb.mieHomologation.count({ where: { establishmentId: establishment.id } })).toBe(0);

    await type.selectOption({ label: "Clé de sécurité FIDO2 de l'établissement" });
    await date.fill("2025-03-01");
    await save.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Homologation enregistrée : les indicateurs en tiennent compte.")).toBeVisible();
    await expect(save).toBeFocused();
    await expect(date).not.toHaveAttribute("aria-invalid", "true");
    expect(await e2eDb.mieHomologation.count({ where: { establishmentId: establishment.id } })).toBe(1);
    await expect(page.getByText("Clé de sécurité FIDO2 de l'établissement : homologuée le 01/03/2025")).toBeVisible();
    // A decision dated ahead replaces it, announced rather than said to be made.
    await date.fill("2999-01-01");
    await save.click();
    await expect(page.getByText("Clé de sécurité FIDO2 de l'établissement : homologation prévue le 01/01/2999")).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);
  });

  test("removing a MIE from the keyboard leaves the focus on the row that takes its place, else on « Ajouter un MIE »", async ({
    page,
    context,
  }) => {
    const add = await openProfessionalWithOneMie(page, context);

    await add.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Retirer le MIE 2" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Retirer le MIE 2" })).toHaveCount(0);
    // No row after the last one: the focus goes to what follows the list.
    await expect(add).toBeFocused();

    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Retirer le MIE 1" }).focus();
    await page.keyboard.press("Enter");
    // The row added second takes the first's place, and the focus: its enrolment date is still empty.
    const first = page.getByRole("group", { name: /^MIE 1 / }).getByRole("combobox", { name: "Type", exact: true });
    await expect(first).toBeFocused();
    await expect(page.getByLabel("Enrôlement", { exact: true })).toHaveValue("");
    await expect(page.getByRole("button", { name: "Retirer le MIE 2" })).toHaveCount(0);
  });

  test("each MIE of a professional is a group of fields named after its number and its type", async ({ page, context }) => {
    const add = await openProfessionalWithOneMie(page, context);
    await add.click();

    const first = page.getByRole("group", { name: "MIE 1 – Application e-CPS", exact: true });
    const second = page.getByRole("group", { name: "MIE 2 – Application e-CPS", exact: true });
    await expect(first.getByLabel("Enrôlement", { exact: true })).toHaveValue("2024-01-01");
    await expect(second.getByLabel("Enrôlement", { exact: true })).toHaveValue("");
    await second.getByRole("combobox", { name: "Type", exact: true }).selectOption({ label: "Application carte Vitale" });
    await expect(page.getByRole("group", { name: "MIE 2 – Application carte Vitale", exact: true })).toBeVisible();
    await expect(second).toHaveCount(0);
    await expectNoSeriousAccessibilityViolation(page);
  });

  test("the form warns, without refusing, of an e-CPS recorded for someone not registered in RPPS", async ({ page, context }) => {
    await openProfessionalWithOneMie(page, context);
    const warning = page.getByText(/^e-CPS sans enregistrement au RPPS : ce moyen est délivré avec le numéro RPPS/);
    await expect(warning).toHaveCount(0);
    await page.getByLabel("Statut RPPS").selectOption("REQUESTED");
    await expect(warning).toBeVisible();
    // Said once, by its live region: the alert within takes no role alert, which would say it again.
    expect(await timesAnnounced(page, "e-CPS sans enregistrement au RPPS")).toBe(1);
    await expectNoSeriousAccessibilityViolation(page);
    await page.getByLabel("Statut RPPS").selectOption("REGISTERED");
    await expect(warning).toHaveCount(0);
  });

  test("removing a homologation from the keyboard gives the focus to the message saying it was removed", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    // No professional, the two homologations of ROSTER_HOMOLOGATIONS.
    await insertRoster(e2eDb, establishment.id, []);
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}/professionnels`);
    const removals = page.getByRole("button", { name: /^Retirer l'homologation / });
    await expect(removals).toHaveCount(2);
    await waitForHydration(removals.first());

    await removals.first().focus();
    await page.keyboard.press("Enter");
    const notice = page.getByText(/^Homologation retirée : /);
    await expect(removals).toHaveCount(1);
    await expect(notice).toBeVisible();
    await expect(page.locator("main div[tabindex='-1']", { has: notice })).toBeFocused();
    // Said once, by the focus: neither a live region nor the alert's own role says it again.
    expect(await timesAnnounced(page, "Homologation retirée : ")).toBe(1);
    expect(await e2eDb.mieHomologation.count({ where: { establishmentId: establishment.id } })).toBe(1);
  });

  test("a director deletes a record created by mistake from its page, after confirming, and the roster no longer lists it", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const [mistakeId, keptId] = await insertRoster(e2eDb, establishment.id, ROSTER_CASES.slice(0, 2), false);
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}/professionnels/${mistakeId}`);
    await expect(page.getByText("Pour une personne qui a quitté l'établissement, renseignez plutôt sa fin d'activité.")).toBeVisible();
    const remove = page.getByRole("button", { name: "Supprimer cette fiche" });
    await waitForHydration(remove);
    await expectNoSeriousAccessibilityViolation(page);

    // Cancelled: nothing is deleted.
    const questions: string[] = [];
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await remove.click();
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toContain("Supprimer la fiche de Test Arnaud ?");
    expect(questions[0]).toContain("réservée à une fiche créée par erreur");
    expect(questions[0]).toContain("enregistrez plutôt une fin d'activité");
    await expect(page).toHaveURL(new RegExp(`/professionnels/${mistakeId}$`));
    expect(await e2eDb.professional.count({ where: { establishmentId: establishment.id } })).toBe(2);

    page.once("dialog", (dialog) => void dialog.accept());
    await remove.click();
    const notice = page.getByText("La fiche a été supprimée du registre : elle n'entre plus dans les indicateurs.");
    await expect(notice).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/etablissements/${establishment.id}/professionnels\\?suppression=`));
    await expect(page.getByRole("heading", { level: 1, name: "Registre des professionnels" })).toBeVisible();
    // Said once, by the focus it takes on arrival: the alert takes no role status, which would say it again.
    await expect(page.locator("main div[tabindex='-1']", { has: notice })).toBeFocused();
    expect(await timesAnnounced(page, "La fiche a été supprimée du registre")).toBe(1);
    await expect(page.getByRole("link", { name: /Arnaud/i })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /Bernard/i })).toHaveCount(1);
    await expectNoSeriousAccessibilityViolation(page);
    expect(await e2eDb.professional.findMany({ where: { establishmentId: establishment.id }, select: { id: true } })).toEqual([
      { id: keptId },
    ]);
    expect(await e2eDb.mieEnrollment.count({ where: { professionalId: mistakeId } })).toBe(0);
  });

  test("a director abandons an import from its preview: the file is deleted and the roster unchanged", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}/professionnels/import`);
    const file = page.getByLabel("Fichier du registre");
    await waitForHydration(file);
    await file.setInputFiles({ name: "registre.csv", mimeType: "text/csv", buffer: Buffer.from(FILE) });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await expect(page.getByRole("heading", { name: "Aperçu de l'import" })).toBeVisible();
    expect(await e2eDb.rosterImport.count({ where: { establishmentId: establishment.id } })).toBe(1);

    let question = "";
    page.once("dialog", (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await page.getByRole("button", { name: "Abandonner cet import" }).click();
    await expect(
      page.getByText("L'import est abandonné : son fichier a été supprimé et rien n'a été enregistré dans le registre."),
    ).toBeVisible();
    expect(question).toContain("Abandonner l'import de « registre.csv » ?");
    await expect(page.getByRole("heading", { level: 1, name: "Importer des professionnels" })).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);
    expect(await e2eDb.rosterImport.count({ where: { establishmentId: establishment.id } })).toBe(0);
    expect(await e2eDb.professional.count({ where: { establishmentId: establishment.id } })).toBe(0);
  });
});
