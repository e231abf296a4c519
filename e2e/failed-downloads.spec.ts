import { expect, type Page, test } from "@playwright/test";
import { e2eDb } from "./fixtures/database";
import { signInAs } from "./fixtures/sessions";
import { createOpenWave, createReviewWave, createSubmittedDossier, createUser } from "@/test/factories";

/**
 * A link to a file that fails (a session that has ended, a file gone) is read by the person who
 * followed it: the sign-in page, which comes back to the page of the link, or a French page that
 * says why, with a way back; never a `.json` file saved in its place, the page left as it was.
 * Scripts and API clients still read the JSON error.
 */

/** Whether the page started a download, from now on. */
function watchDownloads(page: Page): { started: boolean } {
  const watch = { started: false };
  page.on("download", () => (watch.started = true));
  return watch;
}

test.describe("failed downloads", () => {
  test("an export clicked after the session has ended leads to the sign-in page and back; a script still reads the JSON error", async ({
    page,
    context,
  }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    // A wave of its own: few enough dossiers to be exported at once rather than in the background.
    const list = `/pilotage/dossiers?wave=${(await createOpenWave(e2eDb)).waveId}`;
    await signInAs(context, manager.id);
    await page.goto(list);
    const downloads = watchDownloads(page);

    // The session ends meanwhile (idle timeout, or signed out from another device).
    await e2eDb.session.deleteMany({ where: { userId: manager.id } });
    await page.getByRole("link", { name: "Exporter en CSV" }).click();
    await expect(page).toHaveURL(`/connexion?retour=${encodeURIComponent(list)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se connecter à HospiConnect");
    expect(downloads.started).toBe(false);

    const fromScript = await page.evaluate(async () => {
      const response = await fetch("/api/dossiers/export?format=csv", { headers: { Accept: "application/json" } });
      return { status: response.status, body: await response.json() };
    });
    expect(fromScript).toEqual({ status: 401, body: { error: expect.objectContaining({ code: "UNAUTHENTICATED" }) } });
    const fromClient = await context.request.get("/api/dossiers/export?format=csv");
    expect(fromClient.status()).toBe(401);
    expect((await fromClient.json()).error.message).toBe("Votre session a expiré. Reconnectez-vous pour continuer.");

    // Signed in again, the page of the link comes back, and its export downloads.
    await signInAs(context, manager.id);
    await page.reload();
    await expect(page).toHaveURL(list);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exporter en CSV" }).click();
    expect((await download).suggestedFilename()).toMatch(/^dossiers-hospiconnect-.*\.csv$/);
  });

  test("a message's attachment: after the session, the sign-in page; once gone, a French page with a way back", async ({
    page,
    context,
  }) => {
    const dossier = await createSubmittedDossier(e2eDb, await createReviewWave(e2eDb));
    await signInAs(context, dossier.director.userId);
    const posted = await page.request.post(`/api/applications/${dossier.id}/messages`, {
      multipart: {
        body: "Voici la procédure.",
        files: { name: "Procédure d'habilitation – été 2026.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") },
      },
    });
    expect(posted.status()).toBe(200);
    await page.goto(`/dossiers/${dossier.id}`);
    const link = page.getByRole("link", { name: "Procédure d'habilitation – été 2026.pdf" });

    // While signed in, the link downloads the file under its own name, the page staying.
    const download = page.waitForEvent("download");
    await link.click();
    expect((await download).suggestedFilename()).toBe("Procédure d'habilitation – été 2026.pdf");
    await expect(page).toHaveURL(new RegExp(`/dossiers/${dossier.id}$`));

    const downloads = watchDownloads(page);
    await e2eDb.session.deleteMany({ where: { userId: dossier.director.userId } });
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/connexion\\?retour=%2Fdossiers%2F${dossier.id}$`));
    expect(downloads.started).toBe(false);

    await signInAs(context, dossier.director.userId);
    await page.goto(`/dossiers/${dossier.id}`);
    await e2eDb.attachment.deleteMany({ where: { applicationId: dossier.id } });
    const gone = page.waitForResponse((response) => response.url().includes("/api/attachments/"));
    await link.click();
    expect((await gone).status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Téléchargement impossible");
    await expect(page.getByText("Erreur 404")).toBeVisible();
    await expect(page.getByText("Cette page ou ce document n'existe pas, ou vous n'y avez pas accès.")).toBeVisible();
    await expect(page).toHaveTitle("Téléchargement impossible – HospiConnect");
    await page.getByRole("link", { name: "Revenir à la page précédente" }).click();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${dossier.id}$`));
    expect(downloads.started).toBe(false);
  });
});
