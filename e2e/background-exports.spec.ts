import { expect, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolation } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { E2E_EXPORT_THRESHOLD } from "./fixtures/environment";
import { signInAs } from "./fixtures/sessions";
import { fileNameFilter } from "@/lib/export/file-name";
import { createReviewWave, createSubmittedDossier, createUser } from "@/test/factories";

test.describe("background exports", () => {
  test("a dossier export above the threshold is prepared in the background, shows its progress, and is downloaded by its requester only", async ({
    browser,
  }) => {
    test.slow(); // Waits for the export job, then two people's downloads.
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER", name: "Pilote Exports" });
    const colleague = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER", name: "Pilote Voisine" });
    const wave = await createReviewWave(e2eDb);
    const count = E2E_EXPORT_THRESHOLD + 2;
    for (let index = 0; index < count; index++) await createSubmittedDossier(e2eDb, wave, { name: `=Clinique export ${index}` });

    const context = await browser.newContext();
    await signInAs(context, manager.id);
    const page = await context.newPage();
    await page.goto(`/pilotage/dossiers?wave=${wave.waveId}`);
    await expect(page.getByRole("status").first()).toHaveText(`${count} dossiers`);
    await expect(page.getByRole("link", { name: "Exporter en CSV" })).toHaveCount(0);
    await page.getByRole("button", { name: "Préparer l'export CSV" }).click();

    await expect(page).toHaveURL(/\/pilotage\/exports\?nouveau=/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes exports");
    await expect(page.getByText("Votre export est en préparation")).toBeVisible();
    const exportJob = await e2eDb.exportJob.findFirstOrThrow({ where: { requestedById: manager.id } });
    const row = page.locator(`tr[data-export-id="${exportJob.id}"]`);
    // The export is named by its filters: in its file's name and in words beside it.
    const fileName = new RegExp(`^dossiers-hospiconnect-${fileNameFilter(wave.title)}-\\d{4}-\\d{2}-\\d{2}\\.csv$`);
    expect(exportJob.fileName).toMatch(fileName);
    await expect(row.getByRole("rowheader")).toContainText(`Vague : ${wave.title}`);
    await expect(
      row.getByRole("progressbar", { name: `Progression de l'export ${exportJob.fileName} (Vague : ${wave.title})` }),
    ).toBeVisible();
    // A loaded machine may finish the job before the page first shows it: it then opens on « Prêt »,
    // with nothing to announce (seen once in CI). Seen pending, it must announce the end.
    const seenPending = !((await row.textContent()) ?? "").includes("Prêt");

    // The page asks for the progress until the job has written every row.
    await expect(row).toContainText("Prêt", { timeout: 30_000 });
    await expect(row).toContainText(`${count} dossiers sur ${count} (100 %)`);
    await expect(row.getByRole("progressbar")).toHaveAttribute("value", "100");
    if (seenPending) await expect(page.getByRole("status").filter({ hasText: "est prêt à télécharger" })).toHaveCount(1);
    await expectNoSeriousAccessibilityViolation(page);

    const download = page.waitForEvent("download");
    await row.getByRole("link", { name: `Télécharger ${exportJob.fileName} (Vague : ${wave.title})` }).click();
    expect((await download).suggestedFilename()).toBe(exportJob.fileName);
    let csv = "";
    for await (const chunk of await (await download).createReadStream()) csv += chunk.toString("utf8");
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines).toHaveLength(count + 1);
    expect(lines[0]).toContain("Objectif O1 (Enregistrement et identité de l'ensemble des professionnels) : auto-évaluation");
    // Each row: the dossier's reference, then its establishment, formula-safe.
    expect(lines.slice(1).every((line) => /^HC-\d{5};'=Clinique export /.test(line))).toBe(true);

    expect(await e2eDb.exportJob.findUniqueOrThrow({ where: { id: exportJob.id } })).toMatchObject({
      status: "READY",
      rowsDone: count,
      rowsTotal: count,
      format: "CSV",
    });
    const audited = await e2eDb.auditEvent.findMany({ where: { targetId: exportJob.id }, orderBy: { id: "asc" } });
    expect(audited.map((event) => [event.action, event.actorId])).toEqual([
      ["dossiers.export_requested", manager.id],
      ["dossiers.export_downloaded", manager.id],
    ]);

    // Another programme manager neither sees nor downloads it.
    const other = await browser.newContext();
    await signInAs(other, colleague.id);
    const theirs = await other.newPage();
    await theirs.goto("/pilotage/exports");
    await expect(theirs.getByText("Aucun export pour l'instant.")).toBeVisible();
    expect((await theirs.request.get(`/api/exports/${exportJob.id}/file`)).status()).toBe(404);
    await other.close();
    await context.close();
  });
});
