import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, expect, request as playwright, test } from "@playwright/test";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { e2eDb } from "./fixtures/database";
import { E2E_BASE_URL } from "./fixtures/environment";
import { waitForHydration } from "./fixtures/hydration";
import { signInAs } from "./fixtures/sessions";
import { createDraft, createEstablishment, createOpenWave, createUser } from "@/test/factories";

const MIB = 1024 * 1024;
const PDF = readFileSync(path.resolve("e2e/files/procedure-habilitations.pdf"));
/** A valid PDF of `size` bytes: readers ignore what follows its end. */
const pdfOfSize = (size: number) => Buffer.concat([PDF, Buffer.alloc(size - PDF.length, 0x20)]);

/** An Annuaire Santé extract's header and lines, as the national file writes them (the columns the import reads). */
const EXTRACT_HEADER =
  "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Nom d'exercice|Prénom d'exercice|Code profession|Libellé profession|Code catégorie professionnelle|Code mode exercice|Numéro FINESS site|Numéro FINESS établissement juridique|\n";
const extractLine = (rpps: string, name: string, finess: string) =>
  `8|${rpps}|8${rpps}|${name}|Camille|60|Infirmier|C|S|${finess}|${finess}|\n`;

/** A new establishment, its FINESS (the extract's lines are matched on it) and its director, signed in. */
async function signedInDirector(context: BrowserContext) {
  const establishment = await createEstablishment(e2eDb);
  const { finessEt } = await e2eDb.establishment.findUniqueOrThrow({ where: { id: establishment.id }, select: { finessEt: true } });
  const director = await createUser(e2eDb, { establishmentId: establishment.id });
  await signInAs(context, director.id);
  return { establishment, finessEt };
}

/**
 * Files of the configured sizes get through (the e2e server keeps MAX_UPLOAD_MB at 15): the
 * framework used to cut request bodies at 10 MiB first, and everything above failed with « L'envoi
 * du fichier n'a pas abouti ».
 */
test.describe("uploads", () => {
  test("an attachment up to the configured size is kept; above it, or empty, the answer says why", async ({ browser }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const wave = await createOpenWave(e2eDb);
    const draft = await createDraft(e2eDb, establishment.id, wave);
    const context = await browser.newContext();
    await signInAs(context, director.id);
    const api = await playwright.newContext({
      baseURL: E2E_BASE_URL,
      extraHTTPHeaders: { Origin: E2E_BASE_URL, Cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ") },
    });
    const upload = (name: string, buffer: Buffer) =>
      api.post(`/api/applications/${draft.id}/attachments`, { multipart: { file: { name, mimeType: "application/pdf", buffer } } });

    const large = await upload("grand-plan.pdf", pdfOfSize(14 * MIB));
    expect(large.status()).toBe(200);
    expect((await large.json()).attachment.sizeBytes).toBe(14 * MIB);

    const tooLarge = await upload("trop-grand.pdf", pdfOfSize(16 * MIB));
    expect(tooLarge.status()).toBe(413);
    expect((await tooLarge.json()).error.message).toBe("Le fichier dépasse la taille maximale de 15\u00a0Mo.");

    const empty = await upload("vide.pdf", Buffer.alloc(0));
    expect(empty.status()).toBe(422);
    expect((await empty.json()).error.message).toBe("Le fichier « vide.pdf » est vide.");
    expect(await e2eDb.attachment.count({ where: { applicationId: draft.id } })).toBe(1);

    // The form states the limit and checks it before sending anything.
    const page = await context.newPage();
    const sent: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/attachments")) sent.push(request.url());
    });
    await page.goto(`/dossiers/${draft.id}/auto-evaluation`);
    const objective = page.locator(`#objective-${wave.objectives[0]!.code}`);
    await expect(objective.getByText("15\u00a0Mo au plus")).toBeVisible();
    await waitForHydration(objective.getByLabel(/Ajouter une pièce justificative/));
    // Each refusal gives the focus to the field, whose message it is.
    const field = objective.getByLabel(/Ajouter une pièce justificative/);
    await field.setInputFiles({ name: "trop-grand.pdf", mimeType: "application/pdf", buffer: pdfOfSize(16 * MIB) });
    await expect(field).toHaveAccessibleDescription(/Le fichier « trop-grand\.pdf » dépasse la taille maximale de 15\u00a0Mo\./);
    await expect(field).toBeFocused();
    await field.blur();
    await field.setInputFiles({ name: "vide.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) });
    await expect(field).toHaveAccessibleDescription(/Le fichier « vide\.pdf » est vide\./);
    await expect(field).toBeFocused();
    expect(sent).toEqual([]);
    await field.blur();
    await field.setInputFiles({ name: "faux.pdf", mimeType: "application/pdf", buffer: Buffer.from("Pas un PDF") });
    await expect(field).toHaveAccessibleDescription(/Le fichier « faux\.pdf » n'est pas .* valide/);
    await expect(field).toBeFocused();
    expect(sent).toHaveLength(1);

    // Downloaded under the name it was sent with: an apostrophe took every accent away in Chromium.
    await field.setInputFiles({ name: "Lettre d'engagement signée.pdf", mimeType: "application/pdf", buffer: PDF });
    const download = page.waitForEvent("download");
    await objective.getByRole("link", { name: "Lettre d'engagement signée.pdf" }).click();
    expect((await download).suggestedFilename()).toBe("Lettre d'engagement signée.pdf");
    await api.dispose();
    await context.close();
  });

  test("a roster file over 10 MiB is previewed; an empty one is told it is empty, one that is no roster refused", async ({
    page,
    context,
  }) => {
    const { establishment, finessEt } = await signedInDirector(context);

    // A regional Annuaire Santé extract: the establishment's one line among 11 MiB of others.
    const others = Array.from({ length: 130_000 }, (_, index) =>
      extractLine(withRppsKey(String(5_000_000_000 + index)), `AUTRE${index}`, "690781810"),
    );
    const extract = [EXTRACT_HEADER, extractLine(withRppsKey("4000000001"), "LOCALE", finessEt), ...others].join("");
    expect(Buffer.byteLength(extract)).toBeGreaterThan(10 * MIB);

    await page.goto(`/etablissements/${establishment.id}/professionnels/import`);
    await expect(page.getByText("100\u00a0Mo au plus")).toBeVisible();
    await waitForHydration(page.getByLabel("Fichier du registre"));
    await page
      .getByLabel("Fichier du registre")
      .setInputFiles({ name: "PS_LibreAcces_Personne_activite_202611010800.txt", mimeType: "text/plain", buffer: Buffer.from(extract) });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await expect(page.getByRole("heading", { name: "Aperçu de l'import" })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(`Extraction de l'Annuaire Santé : 1 ligne pour le FINESS ${finessEt}`)).toBeVisible();

    // Told in the browser, and by the server to whoever sends it anyway.
    await page.goto(`/etablissements/${establishment.id}/professionnels/import`);
    await waitForHydration(page.getByLabel("Fichier du registre"));
    await page.getByLabel("Fichier du registre").setInputFiles({ name: "vide.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await expect(page.getByText("Le fichier « vide.csv » est vide.")).toBeVisible();
    await expect(page.getByLabel("Fichier du registre")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Fichier du registre")).toHaveAccessibleDescription(/Le fichier « vide\.csv » est vide\./);
    const sent = await page.request.post(`/api/establishments/${establishment.id}/roster/imports`, {
      headers: { Origin: E2E_BASE_URL },
      multipart: { file: { name: "vide.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) } },
    });
    expect(sent.status()).toBe(422);
    expect((await sent.json()).error.message).toBe("Le fichier « vide.csv » est vide.");

    // 30 MiB of NUL bytes, which the database once held for everybody: refused on its first lines, nothing kept.
    const garbage = await page.request.post(`/api/establishments/${establishment.id}/roster/imports`, {
      headers: { Origin: E2E_BASE_URL },
      multipart: { file: { name: "liste.csv", mimeType: "text/csv", buffer: Buffer.alloc(30 * MIB) } },
    });
    expect(garbage.status()).toBe(422);
    expect((await garbage.json()).error.message).toMatch(/^Aucune des colonnes attendues n'a été trouvée dans les 10 premières lignes/);
    expect(await e2eDb.rosterImport.count({ where: { establishmentId: establishment.id } })).toBe(1);
  });

  test("the national Annuaire Santé extract, over the cap, is sent as the site's lines; another file over it is never told to be split", async ({
    page,
    context,
  }) => {
    const { establishment, finessEt } = await signedInDirector(context);
    // Over 100 MiB of other establishments' lines (the whole country is ~800 MB), written to disk:
    // the browser reads the chosen file as a stream.
    const others = Buffer.from(
      Array.from({ length: 10_000 }, (_, index) =>
        extractLine(withRppsKey(String(5_000_000_000 + index)), `AUTRE${index}`, "690781810"),
      ).join(""),
    );
    const copies = Math.ceil((101 * MIB) / others.length);
    const directory = mkdtempSync(path.join(tmpdir(), "extract-"));
    const national = path.join(directory, "PS_LibreAcces_Personne_activite_202611010800.txt");
    writeFileSync(
      national,
      Buffer.concat([
        Buffer.from(EXTRACT_HEADER),
        others,
        Buffer.from(extractLine(withRppsKey("4000000001"), "LOCALE", finessEt)),
        ...Array.from({ length: copies }, () => others),
      ]),
    );
    const piece = path.join(directory, "morceau.txt");
    writeFileSync(piece, Buffer.concat(Array.from({ length: copies }, () => others)));
    try {
      await page.goto(`/etablissements/${establishment.id}/professionnels/import`);
      const field = page.getByLabel("Fichier du registre");
      await waitForHydration(field);
      await field.setInputFiles(national);
      await page.getByRole("button", { name: "Vérifier le fichier" }).click();
      await expect(page.getByRole("heading", { name: "Aperçu de l'import" })).toBeVisible({ timeout: 120_000 });
      await expect(page.getByText(`Extraction de l'Annuaire Santé : 1 ligne pour le FINESS ${finessEt}`)).toBeVisible();
      await expect(page.getByText(`PS_LibreAcces_Personne_activite_202611010800 - FINESS ${finessEt}.txt`).first()).toBeVisible();

      // A piece of it, without the header line: refused in the browser, with what to do instead.
      await page.goto(`/etablissements/${establishment.id}/professionnels/import`);
      await waitForHydration(field);
      await field.setInputFiles(piece);
      await page.getByRole("button", { name: "Vérifier le fichier" }).click();
      await expect(field).toHaveAccessibleDescription(/dépasse la taille maximale de 100\sMo\. .*tel qu'il a été téléchargé/, {
        timeout: 60_000,
      });
      await expect(field).not.toHaveAccessibleDescription(/découpez/i);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
