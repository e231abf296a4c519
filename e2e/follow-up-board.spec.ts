import { expect, test } from "@playwright/test";
import { declareResults } from "@/lib/follow-up/declare-results";
import { createSelectedDossier, createUser, directorOf } from "@/test/factories";
import { expectNoSeriousAccessibilityViolation } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { signInAs } from "./fixtures/sessions";

/**
 * The programme's follow-up board: a manager filters one wave's selected dossiers by stage, finds
 * the overdue check first (ahead of the alphabet), sorts by a header, and downloads the list.
 */
test.use({ viewport: { width: 1280, height: 900 } });

const DAY = 24 * 60 * 60 * 1000;
const declaration = (now: Date) => ({
  objectives: ["O1", "O2", "O3", "O4"].map((objectiveCode) => ({ objectiveCode, achieved: true, comment: "Atteint." })),
  ip: null,
  now,
});

test("a manager filters the follow-up board by stage, sees the overdue check first, sorts and downloads the CSV", async ({
  page,
  context,
}) => {
  // Three selected dossiers brought into one wave: one on time, one overdue, one not yet declared.
  const onTime = await createSelectedDossier(e2eDb, { name: "CH Aubrac à l'heure", regionCode: "76" });
  const late = await createSelectedDossier(e2eDb, { name: "CH Zicavo en retard", regionCode: "94" });
  const pending = await createSelectedDossier(e2eDb, { name: "CH Millau sans déclaration", regionCode: "76" });
  for (const dossier of [late, pending]) {
    await e2eDb.application.update({
      where: { id: dossier.id },
      data: { waveId: onTime.wave.waveId, waveVersionId: onTime.wave.versionId },
    });
  }
  await declareResults(await directorOf(e2eDb, onTime.establishment.id), onTime.id, declaration(new Date()));
  await declareResults(await directorOf(e2eDb, late.establishment.id), late.id, declaration(new Date(Date.now() - 40 * DAY)));
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
  await signInAs(context, manager.id);

  await page.goto("/pilotage");
  const pilotage = page.getByRole("navigation", { name: "Menu principal" }).getByRole("button", { name: "Pilotage" });
  // The DSFR's script marks the menu button once it has taken it in charge: a click before opens nothing.
  await expect(pilotage).toHaveAttribute("data-fr-js-collapse-button", "true");
  await pilotage.click();
  await page.getByRole("link", { name: "Suivi", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Suivi des dossiers retenus");
  await page.getByLabel("Vague").selectOption({ label: onTime.wave.title });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("status")).toHaveText("3 dossiers retenus – les vérifications en retard d'abord");
  const byStage = page.getByRole("table", { name: "Dossiers par étape du suivi" });
  await expect(byStage.getByRole("row", { name: /Validation par l'ANS/ })).toContainText("2");
  await expect(byStage.getByRole("row", { name: /Déclaration attendue/ })).toContainText("1");
  await expect(page.getByRole("table", { name: "Dossiers par région" }).getByRole("row", { name: /Occitanie/ })).toContainText("2");
  await expectNoSeriousAccessibilityViolation(page);

  await page.getByLabel("Étape du suivi", { exact: true }).selectOption({ label: "Validation par l'ANS" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("status")).toHaveText("2 dossiers retenus – les vérifications en retard d'abord");
  const board = page.getByRole("table", { name: "Suivi des dossiers retenus" });
  const rows = board.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("CH Zicavo en retard");
  await expect(rows.nth(0)).toContainText("En retard");
  await expect(board.getByRole("columnheader", { name: /^Échéance \(heure de Paris\)/ })).toBeVisible();
  await expect(rows.nth(1)).toContainText("CH Aubrac à l'heure");
  await expect(rows.nth(1)).not.toContainText("En retard");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en CSV" }).click();
  let csv = "";
  for await (const chunk of await (await download).createReadStream()) csv += chunk.toString("utf8");
  const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toContain("Établissement;FINESS;Région;Vague;Projet;Étape du suivi");
  // Instants are Paris time, said in their headers (a reader overseas would take them as local).
  expect(lines[0]).toContain("Déclaré le (heure de Paris);Détenu par;Échéance (heure de Paris);En retard");
  // Each row: the dossier's reference, then its establishment.
  expect(lines.slice(1).map((line) => line.split(";")[0])).toEqual([
    expect.stringMatching(/^HC-\d{5}$/),
    expect.stringMatching(/^HC-\d{5}$/),
  ]);
  expect(lines.slice(1).map((line) => line.split(";")[1])).toEqual(["CH Zicavo en retard", "CH Aubrac à l'heure"]);
  expect(lines[1]).toMatch(/;Oui$/);
  expect(await e2eDb.auditEvent.count({ where: { actorId: manager.id, action: "follow-ups.exported" } })).toBe(1);

  await board.getByRole("button", { name: /Établissement/ }).click();
  await expect(page).toHaveURL(/sort=establishment/);
  await expect(board.getByRole("columnheader", { name: /Établissement/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(rows.nth(0)).toContainText("CH Aubrac à l'heure");
  await expectNoSeriousAccessibilityViolation(page);
});
