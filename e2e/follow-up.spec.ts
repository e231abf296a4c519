import { expect, test } from "@playwright/test";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { DEFAULT_CRITERIA, DEFAULT_OBJECTIVES } from "@/lib/campaigns/programme-defaults";
import { createSelectedDossier, createUser, directorOf, ROSTER_CASES, type RosterCase } from "@/test/factories";
import { expectNoSeriousAccessibilityViolation } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { waitForHydration } from "./fixtures/hydration";
import { expectNoPageErrors, watchPageErrors } from "./fixtures/page-errors";
import { signInAs } from "./fixtures/sessions";

/**
 * Follow-up end to end, in Chromium: a manager sets a target and the advance share on the wave;
 * the director of a selected dossier sees the target against today's roster, who lacks what and
 * the tranches, then declares the results; the figures are frozen and the pre-check shown.
 */
test.use({ viewport: { width: 1280, height: 900 } });

const ROSTER: RosterCase[] = [
  ROSTER_CASES[0]!,
  { ...ROSTER_CASES[0]!, lastName: "Sansmie", rpps: null, rppsStatus: "NOT_REGISTERED", needsDmp: false, needsDpi: true, enrollments: [] },
];

test("a manager sets the targets and the schedule; the director follows them and declares the results", async ({ browser }) => {
  test.slow(); // Two people through the whole follow-up: targets, schedule, milestones, a declaration.
  const dossier = await createSelectedDossier(e2eDb, {
    name: "EHPAD Les Tilleuls",
    roster: ROSTER,
    amountGrantedCents: 1_000_001n,
    advanceSharePercent: null,
  });
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER", name: "Pilote Suivi" });
  const director = await directorOf(e2eDb, dossier.establishment.id);
  const [managerContext, directorContext] = [await browser.newContext(), await browser.newContext()];
  await signInAs(managerContext, manager.id);
  await signInAs(directorContext, director.userId);
  const [asManager, asDirector] = [await managerContext.newPage(), await directorContext.newPage()];
  const errors = watchPageErrors(asManager, asDirector);

  await asManager.goto(`/pilotage/vagues/${dossier.wave.waveId}`);
  const settings = asManager.getByRole("form", { name: "Cibles et échéancier" });
  await waitForHydration(settings.getByLabel("Avance versée à la sélection, en % du montant accordé"));
  await settings.getByLabel("Avance versée à la sélection, en % du montant accordé").fill("30");
  await settings.getByRole("button", { name: "Ajouter une cible" }).click();
  await settings.getByLabel("Objectif", { exact: true }).selectOption("O2");
  await settings.getByLabel("Indicateur", { exact: true }).selectOption("RIE_COMPLIANT_AMONG_CONCERNED");
  await settings.getByLabel("Seuil à atteindre, en %").fill("90");
  await settings.getByLabel("À atteindre au plus tard le").fill("2099-06-30");
  await settings.getByRole("button", { name: "Enregistrer les cibles et l'échéancier" }).click();
  await expect(settings.getByText("Cibles et échéancier enregistrés.")).toBeVisible();
  await expectNoSeriousAccessibilityViolation(asManager);
  expect(
    await e2eDb.objectiveTarget.findMany({
      where: { waveId: dossier.wave.waveId },
      select: { objectiveCode: true, indicator: true, thresholdPercent: true },
    }),
  ).toEqual([{ objectiveCode: "O2", indicator: "RIE_COMPLIANT_AMONG_CONCERNED", thresholdPercent: 90 }]);

  await asDirector.goto(`/dossiers/${dossier.id}`);
  await asDirector.getByRole("link", { name: /Suivi après sélection/ }).click();
  await expect(asDirector.getByRole("heading", { level: 1, name: "Suivi du dossier retenu" })).toBeVisible();
  const o2 = asDirector.getByRole("article", { name: /^O2/ });
  await expect(o2).toContainText("au moins 90 % au 30 juin 2099");
  await expect(o2).toContainText(/1 sur 2 \(50\s%\)/);
  await expect(o2).toContainText("il manque 1 professionnel pour");
  await expect(o2).toContainText("Sansmie Test");
  const tranches = asDirector.getByRole("table", { name: "Tranches de la subvention" });
  await expect(tranches).toContainText(/Avance à la sélection\s*3\s000\s€\s*À verser/);
  await expect(tranches).toContainText(/Solde à la validation des résultats\s*7\s000,01\s€/);
  await expectNoSeriousAccessibilityViolation(asDirector);

  const form = asDirector.getByRole("form", { name: "Déclaration des résultats" });
  for (const code of ["O1", "O2", "O3", "O4"]) {
    await form
      .getByRole("group", { name: `Résultat de l'objectif ${code}` })
      .getByText(code === "O2" ? "Non atteint" : "Atteint", { exact: true })
      .click();
    await form.getByLabel(`Commentaire sur l'objectif ${code}`).fill(`Bilan de ${code}.`);
  }
  await form.getByRole("button", { name: "Déclarer les résultats" }).click();
  await expect(asDirector.getByText(/Déclarés le/)).toBeVisible();
  const declared = asDirector.getByRole("article", { name: /^O2/ }).last();
  await expect(declared).toContainText("Déclaré : non atteint");
  await expect(declared).toContainText("Cibles non atteintes");
  await expect(asDirector.getByRole("table", { name: /Indicateurs du registre figés le/ })).toContainText(/1 sur 2/);
  await expectNoSeriousAccessibilityViolation(asDirector);

  const stored = await e2eDb.resultDeclaration.findFirstOrThrow({
    where: { applicationId: dossier.id },
    select: {
      snapshot: { select: { reason: true } },
      objectives: { where: { objectiveCode: "O2" }, select: { achieved: true, precheckMet: true } },
    },
  });
  expect(stored).toEqual({ snapshot: { reason: "DECLARATION" }, objectives: [{ achieved: false, precheckMet: false }] });

  // The manager reads the same declaration and pre-check.
  await asManager.goto(`/dossiers/${dossier.id}/suivi`);
  await expect(asManager.getByText("Cibles non atteintes")).toBeVisible();
  await expect(asManager.getByRole("form", { name: "Déclaration des résultats" })).toHaveCount(0);
  await expectNoPageErrors(asManager, errors);
  await Promise.all([managerContext.close(), directorContext.close()]);
});

test("a target on an objective a newer version dropped stays on the form, and a due date before the closing is refused on its field", async ({
  browser,
}) => {
  const dossier = await createSelectedDossier(e2eDb, {
    roster: ROSTER,
    targets: [{ objectiveCode: "O4", indicator: "REGISTERED", thresholdPercent: 80, dueDate: "2099-06-30" }],
  });
  // Version 2 without O4; the selected dossier keeps version 1, which holds it.
  await e2eDb.waveVersion.create({
    data: {
      waveId: dossier.wave.waveId,
      number: 2,
      objectives: {
        create: DEFAULT_OBJECTIVES.filter((objective) => objective.code !== "O4").map((objective, position) => ({
          ...objective,
          position,
        })),
      },
      criteria: { create: DEFAULT_CRITERIA.map((criterion, position) => ({ ...criterion, position })) },
    },
  });
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
  const context = await browser.newContext();
  await signInAs(context, manager.id);
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(`/pilotage/vagues/${dossier.wave.waveId}`);
  const settings = page.getByRole("form", { name: "Cibles et échéancier" });
  const objective = settings.getByLabel("Objectif", { exact: true });
  await waitForHydration(objective);
  await expect(objective).toHaveValue("O4");
  await expect(objective.locator("option:checked")).toHaveText("O4 – Fédération d'identités avec Pro Santé Connect (version 1)");

  await settings.getByRole("button", { name: "Ajouter une cible" }).click();
  const added = settings.getByRole("group", { name: "Cible 2" });
  await expect(added.getByLabel("Objectif", { exact: true })).toHaveValue("O1");
  await added.getByLabel("Seuil à atteindre, en %").fill("90");
  await added.getByLabel("À atteindre au plus tard le").fill("2019-01-01");
  await settings.getByRole("button", { name: "Enregistrer les cibles et l'échéancier" }).click();
  await expect(added.getByText(/Indiquez une date postérieure à la clôture de la vague/)).toBeVisible();

  // Removed from the keyboard, a target gives the focus to the one taking its place, else to
  // « Ajouter une cible », never to the page's body (RGAA 12.8).
  const add = settings.getByRole("button", { name: "Ajouter une cible" });
  await add.click();
  await settings.getByRole("group", { name: "Cible 3" }).getByLabel("Seuil à atteindre, en %").fill("70");
  await added.getByRole("button", { name: "Retirer la cible 2" }).focus();
  await page.keyboard.press("Enter");
  await expect(settings.getByRole("group", { name: "Cible 3" })).toHaveCount(0);
  await expect(added.getByLabel("Objectif", { exact: true })).toBeFocused();
  await expect(added.getByLabel("Seuil à atteindre, en %")).toHaveValue("70");
  await added.getByRole("button", { name: "Retirer la cible 2" }).focus();
  await page.keyboard.press("Enter");
  await expect(added).toHaveCount(0);
  await expect(add).toBeFocused();
  await settings.getByRole("button", { name: "Enregistrer les cibles et l'échéancier" }).click();
  await expect(settings.getByText("Cibles et échéancier enregistrés.")).toBeVisible();
  expect(await e2eDb.objectiveTarget.findMany({ where: { waveId: dossier.wave.waveId }, select: { objectiveCode: true } })).toEqual([
    { objectiveCode: "O4" },
  ]);
  await expectNoPageErrors(page, errors);
  await context.close();
});

test("the demo's declarations of results download as the PDF the app stored, with the hash the page shows", async ({ browser }) => {
  const declaration = await e2eDb.resultDeclaration.findFirstOrThrow({
    where: { application: { wave: { reviewTiers: "NATIONAL_ONLY" } } },
    orderBy: { declaredAt: "asc" },
    select: { applicationId: true, pdfHash: true },
  });
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
  const context = await browser.newContext();
  await signInAs(context, manager.id);
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(`/dossiers/${declaration.applicationId}/suivi`);
  await expect(page.getByText(declaration.pdfHash)).toBeVisible();
  // The reference the declaration quotes.
  const { number } = await e2eDb.application.findUniqueOrThrow({ where: { id: declaration.applicationId }, select: { number: true } });
  await expect(page.getByText(`référence du dossier : ${dossierReference(number)}`)).toBeVisible();
  await expectNoPageErrors(page, errors);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger la déclaration (PDF)" }).click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe("%PDF-");
  await context.close();
});
