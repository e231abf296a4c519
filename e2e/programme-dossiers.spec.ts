import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { fileNameFilter } from "@/lib/export/file-name";
import { expectNoSeriousAccessibilityViolation, timesAnnounced } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { signInAs } from "./fixtures/sessions";
import {
  addSubmittedReviews,
  createDraft,
  createEstablishment,
  createOpenWave,
  createReviewer,
  createUser,
  fillDossier,
} from "@/test/factories";

const PROCEDURE = path.resolve("e2e/files/procedure-habilitations.pdf");
const VIRUS = path.resolve("e2e/files/virus.pdf");

test.describe("programme managers and dossiers", () => {
  test("a dossier goes through review and a request for information answered; the applicant sees the history", async ({ browser }) => {
    const establishment = await createEstablishment(e2eDb);
    const [director, manager] = [
      await createUser(e2eDb, { establishmentId: establishment.id, name: "Directrice Suivi" }),
      await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER", name: "Pilote Suivi" }),
    ];
    const wave = await createOpenWave(e2eDb);
    const { id } = await createDraft(e2eDb, establishment.id, wave);
    await fillDossier(e2eDb, id, wave.objectives);
    await e2eDb.application.update({ where: { id }, data: { state: "SUBMITTED", version: 2 } });

    // The manager works from La Réunion: the deadline typed is still Paris time.
    const [managerContext, directorContext] = [await browser.newContext({ timezoneId: "Indian/Reunion" }), await browser.newContext()];
    await signInAs(managerContext, manager.id);
    await signInAs(directorContext, director.id);
    const [asManager, asDirector] = [await managerContext.newPage(), await directorContext.newPage()];

    await asManager.goto(`/dossiers/${id}`);
    await asManager.getByRole("button", { name: "Mettre en instruction" }).click();
    await asManager.getByRole("button", { name: "Confirmer" }).click();
    await expect(asManager.getByRole("heading", { level: 1 })).toContainText("En instruction");

    await asManager.getByRole("button", { name: "Demander un complément" }).click();
    // Whoever writes knows who reads.
    await expect(asManager.getByLabel("Message (obligatoire)")).toHaveAccessibleName(/Envoyé à l'établissement par courriel/);
    await asManager.getByLabel("Message (obligatoire)").fill("Précisez la solution retenue pour les intérimaires.");
    await asManager.getByLabel("Date limite de réponse (heure de Paris)").fill("2030-01-15T12:00");
    await asManager.getByRole("button", { name: "Confirmer" }).click();
    await expect(asManager.getByRole("heading", { level: 1 })).toContainText("Complément demandé");
    // The manager asked: told when the answer is due, never asked to answer.
    await expect(asManager.getByRole("heading", { name: "Complément demandé à l'établissement" })).toBeVisible();
    await expect(asManager.getByText("Réponse attendue avant le 15 janvier 2030 à 12 h 00 (heure de Paris).")).toBeVisible();
    await expect(asManager.getByText("Un complément vous est demandé")).toHaveCount(0);
    expect((await e2eDb.application.findUniqueOrThrow({ where: { id } })).responseDueAt).toEqual(new Date("2030-01-15T11:00:00Z"));

    await asDirector.goto(`/dossiers/${id}`);
    await expect(asDirector.getByText("Un complément vous est demandé")).toBeVisible();
    await expect(asDirector.getByText("Précisez la solution retenue pour les intérimaires.").first()).toBeVisible();
    await expectNoSeriousAccessibilityViolation(asDirector);
    await asDirector.getByRole("button", { name: "Répondre et renvoyer le dossier" }).click();
    await asDirector.getByLabel("Message (obligatoire)").fill("Des clés FIDO2 de l'agence d'intérim, enrôlées localement.");
    // The answer carries the proof asked for. A file refused on its content is said in French, takes
    // the focus, and neither the answer typed nor the request is lost.
    const answerFiles = asDirector.getByLabel("Pièces jointes à la réponse (facultatif)");
    await answerFiles.setInputFiles(VIRUS);
    await asDirector.getByRole("button", { name: "Confirmer" }).click();
    await expect(answerFiles).toBeFocused();
    await expect(answerFiles).toHaveAccessibleDescription(/Le fichier « virus\.pdf » n'est pas un PDF valide/);
    await expect(asDirector.getByLabel("Message (obligatoire)")).toHaveValue("Des clés FIDO2 de l'agence d'intérim, enrôlées localement.");
    expect((await e2eDb.application.findUniqueOrThrow({ where: { id } })).state).toBe("INFORMATION_REQUESTED");
    await answerFiles.setInputFiles(PROCEDURE);
    await asDirector.getByRole("button", { name: "Confirmer" }).click();
    await expect(asDirector.getByRole("heading", { level: 1 })).toContainText("En instruction");

    // The manager finds the file with the answer, in the dossier's messages, downloads it as sent, and was told of it by e-mail.
    await asManager.reload();
    const answerMessage = asManager
      .getByRole("region", { name: "Messages" })
      .getByRole("article")
      .filter({ hasText: "Des clés FIDO2 de l'agence d'intérim, enrôlées localement." });
    const download = asManager.waitForEvent("download");
    await answerMessage.getByRole("link", { name: "procedure-habilitations.pdf" }).click();
    const saved = await download;
    const chunks: Buffer[] = [];
    for await (const chunk of await saved.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(await readFile(PROCEDURE))).toBe(true);
    const told = await e2eDb.outboxEmail.findFirstOrThrow({
      where: { to: manager.email, dedupeKey: { startsWith: "information-answered:" } },
    });
    expect(told.text.replace(/[\u00a0\u202f]/g, " ")).toContain(
      "Sa réponse est accompagnée d'une pièce jointe : « procedure-habilitations.pdf ».",
    );

    // Closed by hand before any review: refused, the refusal takes the focus.
    await asManager.reload();
    await asManager.getByRole("button", { name: "Clore l'évaluation" }).click();
    await asManager.getByRole("button", { name: "Confirmer" }).click();
    await expect(asManager.locator(":focus")).toContainText("Aucune évaluation n'a été remise pour ce dossier");
    // Said once, by the focus: the alert takes no role alert, which would say it again.
    expect(await timesAnnounced(asManager, "Aucune évaluation n'a été remise pour ce dossier")).toBe(1);
    // A reviewer has submitted; the one who will not answer is why the manager closes by hand.
    await addSubmittedReviews(e2eDb, id, wave.criteria, [{ reviewerId: (await createReviewer(e2eDb)).userId, value: 3 }]);
    await asManager.reload();
    await asManager.getByRole("button", { name: "Clore l'évaluation" }).click();
    await asManager.getByRole("button", { name: "Confirmer" }).click();
    await expect(asManager.getByRole("heading", { level: 1 })).toContainText("Évalué");
    // Deciding is the decisions board's, released with the wave's (e2e/decisions.spec.ts): no button here.
    await expect(asManager.getByRole("button", { name: /Retenir/ })).toHaveCount(0);

    await asDirector.reload();
    const history = asDirector.locator("section", { has: asDirector.getByRole("heading", { name: "Historique" }) });
    for (const step of [
      "Déposé → En instruction",
      "En instruction → Complément demandé",
      "Complément demandé → En instruction",
      "En instruction → Évalué",
    ]) {
      await expect(history).toContainText(step);
    }
    const audited = await e2eDb.auditEvent.findMany({
      where: { targetId: id, action: { startsWith: "application." } },
      orderBy: { id: "asc" },
    });
    const answerFile = await e2eDb.attachment.findFirstOrThrow({
      where: { applicationId: id, message: { isNot: null } },
      select: { sha256: true },
    });
    expect(audited.find((event) => event.action === "application.answerInformationRequest")?.details).toMatchObject({
      files: [answerFile.sha256],
    });
    expect(audited.map((event) => event.action)).toEqual([
      "application.startReview",
      "application.requestInformation",
      "application.answerInformationRequest",
      "application.completeScoring",
    ]);
    await managerContext.close();
    await directorContext.close();
  });

  test("the dossier list filters, and its CSV export is safe to open in a spreadsheet", async ({ page, context }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    const establishment = await createEstablishment(e2eDb, { name: '=HYPERLINK("http://piege.example") EHPAD' });
    const wave = await createOpenWave(e2eDb);
    const { id } = await createDraft(e2eDb, establishment.id, wave);
    await e2eDb.application.update({ where: { id }, data: { state: "SUBMITTED", projectTitle: "+33 projet" } });
    await signInAs(context, manager.id);

    await page.goto("/pilotage/dossiers");
    await expectNoSeriousAccessibilityViolation(page);
    const waveTitle = (await e2eDb.wave.findUniqueOrThrow({ where: { id: wave.waveId } })).title;
    await page.getByLabel("Vague").selectOption({ label: waveTitle });
    await page.getByLabel("État").selectOption("SUBMITTED");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page.getByRole("status")).toHaveText("1 dossier");
    await expect(page.getByRole("link", { name: establishment.name })).toBeVisible();

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exporter en CSV" }).click();
    expect((await download).suggestedFilename()).toMatch(
      new RegExp(`^dossiers-hospiconnect-depose-${fileNameFilter(waveTitle)}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const stream = await (await download).createReadStream();
    let csv = "";
    for await (const chunk of stream) csv += chunk.toString("utf8");
    const [header, row] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toContain("Établissement;FINESS");
    expect(row).toContain(`"'=HYPERLINK(""http://piege.example"") EHPAD"`);
    expect(row).toContain(";'+33 projet;");
  });
});
