import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import type { StaffRole } from "@/lib/db/generated/enums";
import { createReviewer, createSelectedDossier, directorOf } from "@/test/factories";
import { expectNoSeriousAccessibilityViolation, timesAnnounced } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { waitForHydration } from "./fixtures/hydration";
import { createStaffInvitation } from "./fixtures/invitations";
import { expectNoPageErrors, watchPageErrors } from "./fixtures/page-errors";
import { signInAs } from "./fixtures/sessions";
import { VirtualAuthenticator } from "./fixtures/webauthn";

/**
 * The verification of declared results end to end, in Chromium: the director declares with an
 * evidence file; an ARS reviewer of the establishment's region, signed in with a passkey, approves
 * each objective; an ANS reviewer, signed in with a passkey, validates; an ARS reviewer of another
 * region gets 404 everywhere. Then a request for information answered with a file.
 */
test.use({ viewport: { width: 1280, height: 900 } });

const CODES = ["O1", "O2", "O3", "O4"];
const EVIDENCE = path.resolve("e2e/files/procedure-habilitations.pdf");

/** A new staff member who accepts an invitation and is signed in with the passkey just registered. */
async function staffWithPasskey(page: Page, role: StaffRole, name: string): Promise<string> {
  await VirtualAuthenticator.attach(page);
  const invitation = await createStaffInvitation(role);
  await page.goto(invitation.path);
  await waitForHydration(page.getByLabel("Vos prénom et nom"));
  await page.getByLabel("Vos prénom et nom").fill(name);
  await page.getByLabel("Nom de la clé").fill("Clé principale");
  await page.getByRole("button", { name: "Enregistrer ma clé d'accès" }).click();
  await expect(page.getByRole("link", { name })).toBeVisible();
  return (await e2eDb.user.findUniqueOrThrow({ where: { email: invitation.email } })).id;
}

async function approveEveryObjective(page: Page, tier: "ARS" | "ANS") {
  const form = page.getByRole("form", { name: `Décision de l'${tier}` });
  // Nothing chosen: the focus goes to the first objective's decision, whose group says its message
  // once, in its name, which names the objective; no live region says it again, or the others'.
  await form.getByRole("button", { name: `Enregistrer la décision de l'${tier}` }).click();
  await expect(
    form
      .getByRole("group", { name: `Décision sur l'objectif ${CODES[0]}` })
      .getByRole("radio")
      .first(),
  ).toBeFocused();
  expect(await timesAnnounced(page, `Approuvez ou refusez l'objectif ${CODES[0]}.`)).toBe(1);
  expect(await timesAnnounced(page, `Approuvez ou refusez l'objectif ${CODES[1]}.`)).toBe(0);
  for (const code of CODES) {
    await form
      .getByRole("group", { name: `Décision sur l'objectif ${code}` })
      .getByText("Approuvé", { exact: true })
      .click();
  }
  await form.getByLabel("Motif pour l'objectif O2").fill("Liste des e-CPS vérifiée.");
  // Asked first, since the decision is final: dismissed, nothing is recorded.
  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await form.getByRole("button", { name: `Enregistrer la décision de l'${tier}` }).click();
  await expect
    .poll(() => asked)
    .toEqual([`Enregistrer la décision de l'${tier} ? Tous les objectifs sont approuvés ; la décision ne pourra plus être modifiée.`]);
  await expect(form).toBeVisible();
  // The form leaves the page once the step is recorded (the tier's turn is over): the callers check
  // the verification's new state rather than the form's passing confirmation.
  page.once("dialog", (dialog) => void dialog.accept());
  await form.getByRole("button", { name: `Enregistrer la décision de l'${tier}` }).click();
}

test("a director declares with evidence, the region's ARS approves, the ANS validates; an ARS reviewer of another region gets 404", async ({
  browser,
}) => {
  // Four people, two of them registering a passkey: more than the default minute on a shared machine.
  test.slow();
  const dossier = await createSelectedDossier(e2eDb, { name: "CH du Marais", regionCode: "75", reviewTiers: "REGIONAL_THEN_NATIONAL" });
  const director = await directorOf(e2eDb, dossier.establishment.id);
  const elsewhere = await createReviewer(e2eDb, { role: "REGIONAL_REVIEWER", regions: ["11"], name: "Hugo Ailleurs" });
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext(), browser.newContext()]);
  const [asDirector, asArs, asAns, asElsewhere] = await Promise.all(contexts.map((context) => context.newPage()));
  const errors = watchPageErrors(asDirector!, asArs!, asAns!);
  await signInAs(contexts[0]!, director.userId);
  await signInAs(contexts[3]!, elsewhere.userId);

  // The director declares, with a file for O1.
  await asDirector!.goto(`/dossiers/${dossier.id}/suivi`);
  const form = asDirector!.getByRole("form", { name: "Déclaration des résultats" });
  for (const code of CODES) {
    await form
      .getByRole("group", { name: `Résultat de l'objectif ${code}` })
      .getByText("Atteint", { exact: true })
      .click();
    await form.getByLabel(`Commentaire sur l'objectif ${code}`).fill(`Bilan de ${code}.`);
  }
  await form.getByLabel("Pièces justificatives de l'objectif O1 (facultatif)").setInputFiles(EVIDENCE);
  await form.getByRole("button", { name: "Déclarer les résultats" }).click();
  const verification = asDirector!.getByRole("region", { name: "Vérification des résultats" });
  await expect(verification).toContainText("Vérification par l'ARS");
  await expect(asDirector!.getByRole("article", { name: /^O1/ }).getByRole("link", { name: "procedure-habilitations.pdf" })).toBeVisible();
  await expectNoSeriousAccessibilityViolation(asDirector!);

  // The region's ARS reviewer, with a passkey, finds it in their queue and approves each objective.
  const arsId = await staffWithPasskey(asArs!, "REGIONAL_REVIEWER", "Aline Régionale");
  await e2eDb.reviewerRegion.create({ data: { userId: arsId, regionCode: "75" } });
  await asArs!.goto("/instruction/suivi");
  await expect(asArs!.getByRole("columnheader", { name: "Déclarée le (heure de Paris)" })).toBeVisible();
  await expect(asArs!.getByRole("columnheader", { name: "Échéance (heure de Paris)" })).toBeVisible();
  await expectNoSeriousAccessibilityViolation(asArs!);
  await asArs!.getByRole("link", { name: "CH du Marais" }).click();
  await expect(asArs!.getByRole("heading", { level: 1, name: "Vérification des résultats déclarés" })).toBeVisible();
  await expectNoPageErrors(asArs!, errors);
  const evidence = asArs!.getByRole("link", { name: "procedure-habilitations.pdf" });
  await expect(evidence).toBeVisible();
  const evidenceUrl = (await evidence.getAttribute("href"))!;
  expect((await asArs!.request.get(evidenceUrl)).status()).toBe(200);
  await expectNoSeriousAccessibilityViolation(asArs!);
  await approveEveryObjective(asArs!, "ARS");
  await expect(asArs!.getByRole("region", { name: "Vérification des résultats" })).toContainText("Validation par l'ANS");
  await expect(asArs!.getByRole("form", { name: "Décision de l'ARS" })).toHaveCount(0);

  // An ARS reviewer of another region: nothing in their queue, 404 on the page, the file and the step.
  await asElsewhere!.goto("/instruction/suivi");
  await expect(asElsewhere!.getByText("Aucune déclaration n'attend votre vérification.")).toBeVisible();
  expect((await asElsewhere!.goto(`/instruction/suivi/${dossier.id}`))!.status()).toBe(404);
  expect((await asElsewhere!.request.get(evidenceUrl)).status()).toBe(404);
  const step = await asElsewhere!.request.post(`/api/applications/${dossier.id}/verification`, {
    data: { step: "decide", version: 2, objectives: CODES.map((objectiveCode) => ({ objectiveCode, decision: "approve", reason: "" })) },
    headers: { Origin: new URL(asElsewhere!.url()).origin },
  });
  expect(step.status()).toBe(404);

  // The ANS reviewer, with a passkey, validates.
  await staffWithPasskey(asAns!, "REVIEWER", "Nadia Nationale");
  await asAns!.getByRole("link", { name: "Résultats à vérifier" }).click();
  await asAns!.getByRole("link", { name: "CH du Marais" }).click();
  await expect(asAns!.getByRole("table", { name: /Décision de l'ARS par objectif/ })).toContainText("Liste des e-CPS vérifiée.");
  // What the validation makes due: the balance of 10 000,01 € once 30 % was paid in advance.
  await expect(asAns!.getByRole("region", { name: "Vérification des résultats" })).toContainText(
    /le solde de la subvention, 7\s000,01\s€, devient exigible/,
  );
  await expectNoPageErrors(asAns!, errors);
  await approveEveryObjective(asAns!, "ANS");
  await expect(asAns!.getByRole("region", { name: "Vérification des résultats" })).toContainText("Résultats validés");
  await expectNoSeriousAccessibilityViolation(asAns!);

  await asDirector!.reload();
  await expect(verification).toContainText("Résultats validés");
  await expectNoPageErrors(asDirector!, errors);
  expect(
    await e2eDb.resultVerification.findFirstOrThrow({ where: { declaration: { applicationId: dossier.id } }, select: { state: true } }),
  ).toEqual({ state: "VALIDATED" });
  expect(
    await e2eDb.outboxEmail.findMany({ where: { to: director.email }, orderBy: { createdAt: "asc" }, select: { subject: true } }),
  ).toEqual([
    { subject: "Déclaration de résultats reçue – HospiConnect" },
    { subject: "Résultats approuvés par l'ARS – HospiConnect" },
    { subject: "Résultats validés par l'ANS – HospiConnect" },
  ]);
  await Promise.all(contexts.map((context) => context.close()));
});

test("the ANS asks for more information; the director answers with a file and the declaration returns to the ANS", async ({ browser }) => {
  const dossier = await createSelectedDossier(e2eDb, { name: "EHPAD Les Saules", reviewTiers: "NATIONAL_ONLY" });
  const director = await directorOf(e2eDb, dossier.establishment.id);
  const ans = await createReviewer(e2eDb, { name: "Nadia Complément" });
  const [directorContext, ansContext] = [await browser.newContext(), await browser.newContext()];
  await signInAs(directorContext, director.userId);
  await signInAs(ansContext, ans.userId);
  const [asDirector, asAns] = [await directorContext.newPage(), await ansContext.newPage()];
  const errors = watchPageErrors(asDirector, asAns);

  await asDirector.goto(`/dossiers/${dossier.id}/suivi`);
  const form = asDirector.getByRole("form", { name: "Déclaration des résultats" });
  for (const code of CODES) {
    await form
      .getByRole("group", { name: `Résultat de l'objectif ${code}` })
      .getByText("Atteint", { exact: true })
      .click();
    await form.getByLabel(`Commentaire sur l'objectif ${code}`).fill(`Bilan de ${code}.`);
  }
  await form.getByRole("button", { name: "Déclarer les résultats" }).click();
  await expect(asDirector.getByRole("region", { name: "Vérification des résultats" })).toContainText("Validation par l'ANS");

  await asAns.goto(`/instruction/suivi/${dossier.id}`);
  const request = asAns.getByRole("form", { name: "Demande de complément" });
  const message = request.getByLabel("Ce que l'établissement doit compléter");
  await waitForHydration(message);
  await expectNoPageErrors(asAns, errors);
  await message.fill("Joignez la procédure d'habilitation signée.");
  // The form's own counter: the text reached the form's state, not only the DOM.
  await expect(request.getByText(/\(43 \/ 8\s000 caractères\)/)).toBeVisible();
  // Its name says the limit, and does not change as one types.
  await expect(message).toHaveAccessibleName(/^Ce que l'établissement doit compléter.*\(8\s000 caractères au plus\)$/);
  await request.getByLabel("Date limite de réponse").fill("2099-01-31");
  await request.getByRole("button", { name: "Demander un complément" }).click();
  await expect(asAns.getByRole("region", { name: "Vérification des résultats" })).toContainText("Complément demandé à l'établissement");

  await asDirector.reload();
  await expect(asDirector.getByText("Joignez la procédure d'habilitation signée.").first()).toBeVisible();
  await expect(asDirector.getByText(/Réponse attendue au plus tard le 31 janvier 2099 à 23\sh\s59/)).toBeVisible();
  await expectNoPageErrors(asDirector, errors);
  await expectNoSeriousAccessibilityViolation(asDirector);
  const answer = asDirector.getByRole("form", { name: "Réponse à la demande de complément" });
  await waitForHydration(answer.getByLabel("Votre réponse"));
  await answer.getByLabel("Votre réponse").fill("La voici, signée par la direction.");
  // An empty file is said before sending, and the focus comes back to the answer, which is kept.
  await answer
    .getByLabel("Pièces jointes (facultatif)")
    .setInputFiles({ name: "vide.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) });
  await answer.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(answer.getByText("Le fichier « vide.pdf » est vide.")).toBeVisible();
  // Said once, by the form's live region: the alert within takes no role alert, which would say it again.
  expect(await timesAnnounced(asDirector, "Le fichier « vide.pdf » est vide.")).toBe(1);
  await expect(answer.getByLabel("Votre réponse")).toBeFocused();
  await expect(answer.getByLabel("Votre réponse")).toHaveValue("La voici, signée par la direction.");
  // A file the server refuses on its content (a program named .pdf): said in French, the answer kept, nothing written.
  await answer.getByLabel("Pièces jointes (facultatif)").setInputFiles({
    name: "procedure.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("This program cannot be run in DOS mode.")]),
  });
  await answer.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(answer.getByText(/Le fichier « procedure\.pdf » n'est pas un PDF valide/)).toBeVisible();
  await expect(answer.getByLabel("Votre réponse")).toHaveValue("La voici, signée par la direction.");
  expect(
    await e2eDb.verificationStep.count({ where: { verification: { declaration: { applicationId: dossier.id } }, action: "ANSWER" } }),
  ).toBe(0);
  await answer.getByLabel("Pièces jointes (facultatif)").setInputFiles(EVIDENCE);
  await answer.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(asDirector.getByRole("region", { name: "Vérification des résultats" })).toContainText("Validation par l'ANS");

  await asAns.reload();
  await expect(asAns.getByText("« La voici, signée par la direction. »")).toBeVisible();
  // The file is shown with the answer, in the same entry of the history, and the ANS downloads it as sent.
  const answerEntry = asAns.getByRole("listitem").filter({ hasText: "« La voici, signée par la direction. »" });
  const link = answerEntry.getByRole("link", { name: "procedure-habilitations.pdf" });
  await expect(link).toBeVisible();
  const download = asAns.waitForEvent("download");
  await link.click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe("procedure-habilitations.pdf");
  const chunks: Buffer[] = [];
  for await (const chunk of await saved.createReadStream()) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).equals(await readFile(EVIDENCE))).toBe(true);
  // The ANS heard of it by e-mail, and the journal keeps the file's fingerprint with the answer.
  const mail = await e2eDb.outboxEmail.findFirstOrThrow({
    where: { to: ans.email, text: { contains: "a répondu à la demande de complément" } },
    select: { text: true },
  });
  expect(mail.text.replace(/[\u00a0\u202f]/g, " ")).toContain(
    "Sa réponse est accompagnée d'une pièce jointe : « procedure-habilitations.pdf ».",
  );
  const evidence = await e2eDb.attachment.findFirstOrThrow({
    where: { verificationStep: { verification: { declaration: { applicationId: dossier.id } }, action: "ANSWER" } },
    select: { sha256: true },
  });
  expect(
    await e2eDb.auditEvent.findFirstOrThrow({
      where: { action: "follow_up.verification_answer", targetId: dossier.id },
      select: { details: true },
    }),
  ).toMatchObject({ details: { files: [evidence.sha256] } });
  await expect(asAns.getByRole("form", { name: "Décision de l'ANS" })).toBeVisible();
  await expectNoPageErrors(asAns, errors);
  await Promise.all([directorContext.close(), ansContext.close()]);
});
