import { expect, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolation } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { waitForHydration } from "./fixtures/hydration";
import { signInAs } from "./fixtures/sessions";
import { createEstablishment, createUser, uniqueEmail } from "@/test/factories";

test.describe("establishment profile and team", () => {
  test("a wrong FINESS is explained in French and nothing is saved until it is right", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}`);
    await page.getByRole("link", { name: "Modifier le profil" }).click();
    await expectNoSeriousAccessibilityViolation(page);
    // Clicked before the list page hydrates, the link loads the form as a new page.
    await waitForHydration(page.getByLabel("FINESS de l'établissement (ET)"));

    await page.getByLabel("FINESS de l'établissement (ET)").fill("750712185");
    await page.getByLabel("SIRET (facultatif)").fill("7328293200001");
    await page.getByRole("button", { name: "Enregistrer le profil" }).click();
    await expect(
      page.getByText("Le numéro FINESS 750712185 n'est pas valide : son dernier chiffre (clé de contrôle) ne correspond pas."),
    ).toBeVisible();
    await expect(page.getByText("Le SIRET doit comporter 14 chiffres.")).toBeVisible();
    expect((await e2eDb.establishment.findUniqueOrThrow({ where: { id: establishment.id } })).version).toBe(1);

    await page.getByLabel("SIRET (facultatif)").fill("732 829 320 00017");
    const finess = (await e2eDb.establishment.findUniqueOrThrow({ where: { id: establishment.id } })).finessEt;
    await page.getByLabel("FINESS de l'établissement (ET)").fill(finess);
    await page.getByRole("button", { name: "Ajouter un contact" }).click();
    await page.getByLabel("Prénom et nom").fill("Claire Martin");
    await page.getByLabel("Fonction").fill("Directrice");
    await page.getByLabel("Adresse électronique").fill(uniqueEmail("contact"));
    await page.getByRole("button", { name: "Enregistrer le profil" }).click();
    await expect(page.getByText("Le profil de l'établissement est enregistré.")).toBeVisible();
    const saved = await e2eDb.establishment.findUniqueOrThrow({ where: { id: establishment.id }, include: { contacts: true } });
    expect(saved.siret).toBe("73282932000017");
    expect(saved.contacts.map((contact) => contact.fullName)).toEqual(["Claire Martin"]);
    const audit = await e2eDb.auditEvent.findFirst({ where: { action: "establishment.updated", targetId: establishment.id } });
    expect(audit?.actorId).toBe(director.id);
  });

  test("a director invites a colleague as co-editor", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}/membres`);
    await expectNoSeriousAccessibilityViolation(page);
    const email = uniqueEmail("collegue");
    await waitForHydration(page.getByLabel("Adresse électronique de la personne à inviter"));
    await page.getByLabel("Adresse électronique de la personne à inviter").fill(email);
    await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await expect(page.getByText(`Invitation envoyée à ${email}.`)).toBeVisible();
    await expect(page.getByText(`${email} – valable jusqu'au`)).toBeVisible();
    const invitation = await e2eDb.invitation.findFirstOrThrow({ where: { email } });
    expect([invitation.purpose, invitation.establishmentId, invitation.membershipRole]).toEqual(["MEMBER", establishment.id, "EDITOR"]);
    expect(await e2eDb.outboxEmail.count({ where: { dedupeKey: `invitation:${invitation.id}` } })).toBe(1);
  });
});
