import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolation, timesAnnounced } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { waitForHydration } from "./fixtures/hydration";
import { expectNoPageErrors, watchPageErrors } from "./fixtures/page-errors";
import { signInAs } from "./fixtures/sessions";
import { VirtualAuthenticator } from "./fixtures/webauthn";
import { createEstablishment, createUser, directorOf, insertRoster, programmeManager, uniqueEmail } from "@/test/factories";
import { inviteUser } from "@/lib/identity/invitations";
import { parisToday } from "@/lib/time/paris";
import { withFinessKey } from "@/lib/identifiers/finess";

/** Answers yes to what a member leaving the team is asked, once it is the question a departure asks. */
function acceptLeavingQuestion(page: Page, establishment: string): void {
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toBe(
      `Quitter l'équipe de « ${establishment} » ? Vous n'accéderez plus à ses dossiers ni à la liste de ses professionnels. Pour revenir, une personne de la direction devra vous inviter de nouveau.`,
    );
    void dialog.accept();
  });
}

/** The registration form of an EHPAD in Vienne (86), as a programme manager fills it. */
async function fillRegistration(page: Page, values: { name: string; finessEt: string; email: string }) {
  await page.getByLabel("Nom de l'établissement").fill(values.name);
  await page.getByLabel("FINESS de l'établissement (ET)").fill(values.finessEt);
  await page.getByLabel("FINESS de l'entité juridique (EJ)").fill(withFinessKey("86000000"));
  await page.getByLabel("Catégorie (nomenclature FINESS)").selectOption("500");
  await page.getByLabel("Département").selectOption("86");
  await page.getByLabel("Commune").fill("Poitiers");
  await page.getByLabel("Effectif (nombre de professionnels)").fill("42");
  await page.getByLabel("Adresse électronique de la direction").fill(values.email);
}

test.describe("establishment profile and team", () => {
  test("a new director activates their key on the establishment's page, which lists what to do first until it is done", async ({
    page,
  }) => {
    await VirtualAuthenticator.attach(page);
    const establishment = await createEstablishment(e2eDb);
    const { link } = await inviteUser(await programmeManager(e2eDb), {
      purpose: "MEMBER",
      email: uniqueEmail("direction"),
      establishmentId: establishment.id,
      membershipRole: "DIRECTOR",
    });

    await page.goto(new URL(link).pathname);
    await waitForHydration(page.getByLabel("Vos prénom et nom"));
    await page.getByLabel("Vos prénom et nom").fill("Odile Nouvelle");
    await page.getByRole("button", { name: "Enregistrer ma clé d'accès" }).click();
    await expect(page).toHaveURL(new RegExp(`/etablissements/${establishment.id}\\?bienvenue=cle$`));
    await expect(page.locator(":focus")).toContainText("Votre compte est activé et vous êtes connecté.");

    const steps = page.getByRole("region", { name: "Pour commencer" });
    const profile = steps.getByRole("listitem").filter({ hasText: "Compléter le profil de l'établissement : contacts, GHT, accès au DMP" });
    const roster = steps.getByRole("listitem").filter({ hasText: "Saisir ou importer les professionnels dans le registre" });
    await expect(profile.getByRole("link")).toHaveAttribute("href", `/etablissements/${establishment.id}/profil`);
    await expect(roster.getByRole("link")).toHaveAttribute("href", `/etablissements/${establishment.id}/professionnels`);
    await expect(steps.getByText("fait")).toHaveCount(0);
    await expectNoSeriousAccessibilityViolation(page);

    // Each step is marked done once the data says so.
    await e2eDb.contact.create({
      data: { establishmentId: establishment.id, fullName: "Odile Nouvelle", role: "Directrice", email: uniqueEmail("contact") },
    });
    await insertRoster(e2eDb, establishment.id);
    const errors = watchPageErrors(page);
    await page.goto(`/etablissements/${establishment.id}`);
    await expect(profile.getByText("fait")).toBeVisible();
    await expect(roster.getByText("fait")).toBeVisible();
    await expectNoPageErrors(page, errors);
  });

  test("a wrong FINESS is explained in French and nothing is saved until it is right", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}`);
    await page.getByRole("link", { name: "Modifier le profil" }).click();
    await expect(page).toHaveURL(/\/profil$/);
    await expectNoSeriousAccessibilityViolation(page);
    // Clicked before the list page hydrates, the link loads the form as a new page.
    await waitForHydration(page.getByLabel("FINESS de l'établissement (ET)"));

    // A phone opens its digit keypad for the SIRET. Not for the FINESS: a Corsican one starts 2A or 2B.
    await expect(page.getByLabel("SIRET (facultatif)")).toHaveAttribute("inputmode", "numeric");
    await page.getByLabel("FINESS de l'établissement (ET)").fill("750712185");
    await page.getByLabel("SIRET (facultatif)").fill("7328293200001");
    await page.getByRole("button", { name: "Enregistrer le profil" }).click();
    await expect(
      page.getByText("Le numéro FINESS 750712185 n'est pas valide : son dernier chiffre (clé de contrôle) ne correspond pas."),
    ).toBeVisible();
    await expect(page.getByText("Le SIRET doit comporter 14 chiffres.")).toBeVisible();
    expect((await e2eDb.establishment.findUniqueOrThrow({ where: { id: establishment.id } })).version).toBe(1);

    // Typed with dots, as the FINESS fields and the dossier take it.
    await page.getByLabel("SIRET (facultatif)").fill("732.829.320.00017");
    const finess = (await e2eDb.establishment.findUniqueOrThrow({ where: { id: establishment.id } })).finessEt;
    await page.getByLabel("FINESS de l'établissement (ET)").fill(finess);
    await page.getByRole("button", { name: "Ajouter un contact" }).click();
    await page.getByLabel("Prénom et nom").fill("Claire Martin");
    await page.getByLabel("Fonction").fill("Directrice");
    await page.getByLabel("Adresse électronique").fill(uniqueEmail("contact"));
    // Removed from the keyboard, a contact gives the focus to the one taking its place, else to
    // « Ajouter un contact », never to the page's body (RGAA 12.8).
    const addContact = page.getByRole("button", { name: "Ajouter un contact" });
    await addContact.click();
    await addContact.click();
    await page.getByRole("group", { name: "Contact 3" }).getByLabel("Prénom et nom").fill("Troisième Contact");
    await page.getByRole("button", { name: "Retirer le contact 2" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("group", { name: "Contact 3" })).toHaveCount(0);
    const second = page.getByRole("group", { name: "Contact 2" }).getByLabel("Prénom et nom");
    await expect(second).toBeFocused();
    await expect(second).toHaveValue("Troisième Contact");
    await page.getByRole("button", { name: "Retirer le contact 2" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("group", { name: "Contact 2" })).toHaveCount(0);
    await expect(addContact).toBeFocused();
    await page.getByRole("button", { name: "Enregistrer le profil" }).click();
    await expect(page.getByText("Le profil de l'établissement est enregistré.")).toBeVisible();
    const saved = await e2eDb.establishment.findUniqueOrThrow({ where: { id: establishment.id }, include: { contacts: true } });
    expect(saved.siret).toBe("73282932000017");
    expect(saved.contacts.map((contact) => contact.fullName)).toEqual(["Claire Martin"]);
    const audit = await e2eDb.auditEvent.findFirst({ where: { action: "establishment.updated", targetId: establishment.id } });
    expect(audit?.actorId).toBe(director.id);
  });

  test("a director declares the entitlement procedure on the profile, with its day of adoption: objective 1 no longer lacks it", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    await insertRoster(e2eDb, establishment.id);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await signInAs(context, director.id);
    const objective1 = page.getByRole("listitem").filter({ hasText: /^Objectif 1 \(enregistrement et identité\)/ });
    await page.goto(`/etablissements/${establishment.id}`);
    await expect(objective1).toContainText("procédure de gestion des habilitations non déclarée (profil de l'établissement)");

    const errors = watchPageErrors(page);
    await page.goto(`/etablissements/${establishment.id}/profil`);
    const procedure = page.getByRole("checkbox", { name: /Une procédure de gestion des habilitations est en vigueur/ });
    await waitForHydration(procedure);
    // The factory's SIRET is not one the form takes.
    await page.getByLabel("SIRET (facultatif)").fill("732 829 320 00017");
    await procedure.check({ force: true });
    await page.getByRole("button", { name: "Enregistrer le profil" }).click();
    const adoptedOn = page.getByLabel("Date d'adoption de la procédure");
    await expect(adoptedOn).toBeFocused();
    await expect(adoptedOn).toHaveAccessibleDescription(/^Indiquez la date d'adoption de la procédure de gestion des habilitations\./);
    await adoptedOn.fill("2025-03-01");
    await expectNoSeriousAccessibilityViolation(page);
    await page.getByRole("button", { name: "Enregistrer le profil" }).click();
    await expect(page.getByText("Le profil de l'établissement est enregistré.")).toBeVisible();
    const saved = await e2eDb.establishment.findUniqueOrThrow({ where: { id: establishment.id } });
    expect(saved.entitlementProcedureAdoptedOn).toEqual(new Date("2025-03-01T00:00:00Z"));
    await expectNoPageErrors(page, errors);

    await page.goto(`/etablissements/${establishment.id}`);
    await expect(objective1).toContainText("non atteint");
    await expect(objective1).not.toContainText("habilitations");
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
    await expect(page.getByText(`${email} (co-rédaction) – valable jusqu'au`)).toBeVisible();
    const invitation = await e2eDb.invitation.findFirstOrThrow({ where: { email } });
    expect([invitation.purpose, invitation.establishmentId, invitation.membershipRole]).toEqual(["MEMBER", establishment.id, "EDITOR"]);
    expect(await e2eDb.outboxEmail.count({ where: { dedupeKey: `invitation:${invitation.id}` } })).toBe(1);

    // The colleague lost the e-mail: inviting again replaces the pending invitation, said so.
    await page.getByLabel("Adresse électronique de la personne à inviter").fill(email);
    await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await expect(
      page.getByText(
        `Invitation envoyée à ${email}. Elle remplace celle qui était en attente : seul le lien de ce nouveau courriel fonctionne.`,
      ),
    ).toBeVisible();
    await expect(page.getByText(`${email} (co-rédaction) – valable jusqu'au`)).toHaveCount(1);
    expect(await e2eDb.invitation.count({ where: { email, supersededAt: null } })).toBe(1);
  });

  test("the invitation form keeps the keyboard focus: on the address in error, then on its button once the invitation is sent", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}/membres`);
    const field = page.getByLabel("Adresse électronique de la personne à inviter");
    const send = page.getByRole("button", { name: "Envoyer l'invitation" });
    await waitForHydration(field);

    // Refused: said on the field, marked invalid, which takes the focus from the button disabled meanwhile.
    await field.fill("pas-une-adresse");
    await send.focus();
    await page.keyboard.press("Enter");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(/Saisissez une adresse électronique valide/);
    await expect(field).toBeFocused();
    // Said by the field the focus lands on, not by a live region besides.
    expect(await timesAnnounced(page, "Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.")).toBe(1);
    expect(await e2eDb.invitation.count({ where: { establishmentId: establishment.id } })).toBe(0);

    // Sent: announced, and the focus is back on the button, not on the page's body.
    const email = uniqueEmail("clavier");
    await field.fill(email);
    await send.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("[aria-live=polite]").getByText(`Invitation envoyée à ${email}.`)).toBeVisible();
    await expect(send).toBeFocused();
    await expect(field).not.toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveValue("");
    expect(await e2eDb.invitation.count({ where: { establishmentId: establishment.id, email } })).toBe(1);
  });

  test("a director takes a colleague who left off the team and cancels an invitation sent by mistake", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const leaver = await createUser(e2eDb, { establishmentId: establishment.id, membershipRole: "EDITOR", name: "Paul Départ" });
    const { link, invitationId } = await inviteUser(await directorOf(e2eDb, establishment.id), {
      purpose: "MEMBER",
      email: uniqueEmail("erreur"),
      establishmentId: establishment.id,
      membershipRole: "EDITOR",
    });
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}/membres`);
    await expectNoSeriousAccessibilityViolation(page);
    await waitForHydration(page.getByRole("button", { name: "Retirer Paul Départ de l'équipe" }));
    // The director's own row has no such button: the establishment keeps its director.
    await expect(page.getByRole("row", { name: new RegExp(director.email) }).getByRole("button")).toHaveCount(0);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Retirer Paul Départ de l'équipe" }).click();
    const removed = page.getByText("La personne a été retirée de l'équipe");
    await expect(removed).toBeVisible();
    await expect(page.locator(":focus")).toContainText("La personne a été retirée de l'équipe");
    await expect(page.getByRole("cell", { name: "Paul Départ" })).toHaveCount(0);
    expect(await e2eDb.membership.count({ where: { userId: leaver.id } })).toBe(0);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: /^Annuler l'invitation de erreur\./ }).click();
    await expect(page.locator(":focus")).toContainText("L'invitation est annulée : son lien ne fonctionne plus.");
    expect((await e2eDb.invitation.findUniqueOrThrow({ where: { id: invitationId } })).cancelledAt).not.toBeNull();
    await page.goto(new URL(link).pathname);
    await expect(page.getByText("Cette invitation a été annulée par la personne qui vous l'avait envoyée.")).toBeVisible();
  });

  test("a director hands the direction to a co-editor of the team, who is then a director; and takes it back", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const successor = await createUser(e2eDb, { establishmentId: establishment.id, membershipRole: "EDITOR", name: "Paul Suite" });
    await signInAs(context, director.id);
    const errors = watchPageErrors(page);
    await page.goto(`/etablissements/${establishment.id}/membres`);
    await expectNoSeriousAccessibilityViolation(page);
    const promote = page.getByRole("button", { name: "Passer à la direction : Paul Suite" });
    await waitForHydration(promote);

    page.once("dialog", (dialog) => {
      expect(dialog.message()).toBe(
        "Confier la direction de l'établissement à Paul Suite ? Cette personne pourra gérer l'équipe et déclarer les résultats des dossiers retenus.",
      );
      void dialog.accept();
    });
    await promote.click();
    await expect(page.locator(":focus")).toContainText("Le rôle a été changé : la personne en est prévenue par courriel.");
    await expect(page.getByRole("row", { name: /Paul Suite/ }).getByRole("cell", { name: "Direction", exact: true })).toBeVisible();
    expect((await e2eDb.membership.findFirstOrThrow({ where: { userId: successor.id, establishmentId: establishment.id } })).role).toBe(
      "DIRECTOR",
    );

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Passer en co-rédaction : Paul Suite" }).click();
    await expect(page.getByRole("row", { name: /Paul Suite/ }).getByRole("cell", { name: "Co-rédaction", exact: true })).toBeVisible();
    expect((await e2eDb.membership.findFirstOrThrow({ where: { userId: successor.id, establishmentId: establishment.id } })).role).toBe(
      "EDITOR",
    );
    await expectNoPageErrors(page, errors);
  });

  test("a director who is not the only one leaves the direction: told what they lose, their rights a co-editor's at once", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    await createUser(e2eDb, { establishmentId: establishment.id, name: "Claire Reste" });
    const leaving = await createUser(e2eDb, { establishmentId: establishment.id, name: "Odile Départ" });
    const { invitationId } = await inviteUser(leaving.viewer, {
      purpose: "MEMBER",
      email: uniqueEmail("direction"),
      establishmentId: establishment.id,
      membershipRole: "DIRECTOR",
    });
    const roleOf = async () =>
      (await e2eDb.membership.findFirstOrThrow({ where: { userId: leaving.id, establishmentId: establishment.id } })).role;
    await signInAs(context, leaving.id);
    const errors = watchPageErrors(page);
    await page.goto(`/etablissements/${establishment.id}/membres`);
    const ownRow = page.getByRole("row", { name: new RegExp(leaving.email) });
    const stepDown = ownRow.getByRole("button", { name: "Quitter la direction" });
    await waitForHydration(stepDown);
    await expect(ownRow.getByRole("button", { name: "Quitter l'équipe" })).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);

    // Dismissed: nothing changes.
    page.once("dialog", (dialog) => void dialog.dismiss());
    await stepDown.click();
    expect(await roleOf()).toBe("DIRECTOR");

    page.once("dialog", (dialog) => {
      expect(dialog.message()).toBe(
        `Quitter la direction de « ${establishment.name} » ? Vous resterez dans l'équipe, en co-rédaction, mais ne pourrez plus gérer l'équipe (inviter à la direction, retirer une personne, changer un rôle) ni déclarer les résultats des dossiers retenus. L'invitation à la direction que vous avez envoyée et qui est en attente sera annulée. Pour la retrouver, une autre personne de la direction devra vous la confier.`,
      );
      void dialog.accept();
    });
    await stepDown.click();
    await expect(page.locator(":focus")).toContainText("Vous avez quitté la direction : vous êtes désormais en co-rédaction.");
    await expect(ownRow.getByRole("cell", { name: "Co-rédaction", exact: true })).toBeVisible();
    expect(await roleOf()).toBe("EDITOR");
    expect((await e2eDb.invitation.findUniqueOrThrow({ where: { id: invitationId } })).cancelledById).toBe(leaving.id);
    const audit = await e2eDb.auditEvent.findFirstOrThrow({ where: { action: "membership.role_changed", targetId: establishment.id } });
    expect([audit.actorId, audit.details]).toEqual([
      leaving.id,
      { name: "Odile Départ", email: leaving.email, from: "DIRECTOR", to: "EDITOR" },
    ]);

    // The session's rights are read again at each request: nothing of the direction's is left, on the page or behind it;
    // leaving the team, as any co-editor may, is.
    await expect(page.getByRole("button", { name: /Quitter|Retirer|Passer/ })).toHaveText(["Quitter l'équipe"]);
    await expect(page.getByRole("group", { name: "Rôle" })).toHaveCount(0);
    const refusal = await page.evaluate(async (url) => {
      const response = await fetch(url, { method: "PATCH", headers: { "content-type": "application/json" }, body: '{"role":"DIRECTOR"}' });
      return { status: response.status, body: (await response.json()) as { error: { message: string } } };
    }, `/api/establishments/${establishment.id}/members/${leaving.id}`);
    expect([refusal.status, refusal.body.error.message]).toEqual([
      403,
      "Seule la direction de l'établissement peut changer le rôle d'une personne de l'équipe.",
    ]);
    expect(await roleOf()).toBe("EDITOR");
    await expectNoPageErrors(page, errors);
  });

  test("a director who is not the only one leaves the team; the only one left is told to hand the direction over first", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const stays = await createUser(e2eDb, { establishmentId: establishment.id, name: "Claire Reste" });
    const leaving = await createUser(e2eDb, { establishmentId: establishment.id, name: "Odile Départ" });
    await signInAs(context, leaving.id);
    await page.goto(`/etablissements/${establishment.id}/membres`);
    const leave = page.getByRole("row", { name: new RegExp(leaving.email) }).getByRole("button", { name: "Quitter l'équipe" });
    await waitForHydration(leave);

    acceptLeavingQuestion(page, establishment.name);
    await leave.click();
    await expect(page).toHaveURL(/\/etablissements\?depart=\d+$/);
    await expect(page.locator(":focus")).toContainText("Vous avez quitté l'équipe de l'établissement");
    await expectNoSeriousAccessibilityViolation(page);
    expect(await e2eDb.membership.count({ where: { userId: leaving.id } })).toBe(0);
    const audit = await e2eDb.auditEvent.findFirstOrThrow({ where: { action: "membership.left", targetId: establishment.id } });
    expect(audit.actorId).toBe(leaving.id);
    expect((await e2eDb.outboxEmail.findFirstOrThrow({ where: { to: stays.email } })).subject).toBe(
      `HospiConnect\u00a0: Odile Départ a quitté l'équipe de «\u00a0${establishment.name}\u00a0»`,
    );
    // Its pages are no longer theirs, from the next request.
    await page.goto(`/etablissements/${establishment.id}/membres`);
    await expect(page.getByRole("heading", { level: 1, name: "Page non trouvée" })).toBeVisible();

    // The director who stays is now the only one: told why not, and what to do, in place of the buttons.
    await context.clearCookies();
    await signInAs(context, stays.id);
    await page.goto(`/etablissements/${establishment.id}/membres`);
    await expect(
      page.getByText(
        "Vous êtes la seule personne à la direction de l'établissement : confiez d'abord la direction à la personne qui vous succède (« Passer à la direction » dans la liste de l'équipe, ou une invitation si elle n'en fait pas encore partie), puis quittez la direction ou l'équipe.",
      ),
    ).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(stays.email) }).getByRole("button")).toHaveCount(0);
  });

  test("a co-editor leaves the team: told what they lose, sent to their establishments, the establishment's pages then a 404", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id, name: "Claire Reste" });
    const colleague = await createUser(e2eDb, { establishmentId: establishment.id, membershipRole: "EDITOR", name: "Inès Reste" });
    const leaving = await createUser(e2eDb, { establishmentId: establishment.id, membershipRole: "EDITOR", name: "Paul Départ" });
    await signInAs(context, leaving.id);
    const errors = watchPageErrors(page);
    await page.goto(`/etablissements/${establishment.id}/membres`);
    const leave = page.getByRole("row", { name: new RegExp(leaving.email) }).getByRole("button", { name: "Quitter l'équipe" });
    await waitForHydration(leave);
    // Their own row only, and nothing of the direction's.
    await expect(page.getByRole("button", { name: /Quitter|Retirer|Passer/ })).toHaveCount(1);
    await expectNoSeriousAccessibilityViolation(page);

    // Dismissed: nothing changes.
    page.once("dialog", (dialog) => void dialog.dismiss());
    await leave.click();
    expect(await e2eDb.membership.count({ where: { userId: leaving.id, establishmentId: establishment.id } })).toBe(1);

    acceptLeavingQuestion(page, establishment.name);
    await leave.click();
    await expect(page).toHaveURL(/\/etablissements\?depart=\d+$/);
    await expect(page.locator(":focus")).toContainText(
      "Vous avez quitté l'équipe de l'établissement : vous n'accédez plus à ses dossiers ni à la liste de ses professionnels.",
    );
    await expect(page.getByText("Vous n'êtes membre d'aucun établissement.")).toBeVisible();
    expect(await e2eDb.membership.count({ where: { userId: leaving.id } })).toBe(0);
    const audit = await e2eDb.auditEvent.findFirstOrThrow({ where: { action: "membership.left", targetId: establishment.id } });
    expect([audit.actorId, audit.details]).toEqual([leaving.id, { name: "Paul Départ", email: leaving.email, role: "EDITOR" }]);
    // The direction is told; the colleague who stays is not.
    const told = await e2eDb.outboxEmail.findMany({ where: { to: { in: [director.email, colleague.email, leaving.email] } } });
    expect(told.map((email) => [email.to, email.subject])).toEqual([
      [director.email, `HospiConnect\u00a0: Paul Départ a quitté l'équipe de «\u00a0${establishment.name}\u00a0»`],
    ]);

    // The establishment's pages answer them as any stranger, from the next request.
    for (const path of [`/etablissements/${establishment.id}`, `/etablissements/${establishment.id}/membres`]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page non trouvée" })).toBeVisible();
    }
    await expectNoPageErrors(page, errors);
  });

  test("a director sends a colleague who lost their key a link to register a new one", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const colleague = await createUser(e2eDb, { establishmentId: establishment.id, membershipRole: "EDITOR", name: "Inès Perdue" });
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}/membres`);
    const button = page.getByRole("button", { name: "Rétablir l'accès d'Inès Perdue" });
    await waitForHydration(button);

    // Dismissed: nothing is sent.
    page.once("dialog", (dialog) => void dialog.dismiss());
    await button.click();
    expect(await e2eDb.accessRecovery.count({ where: { userId: colleague.id } })).toBe(0);

    page.once("dialog", (dialog) => {
      expect(dialog.message()).toContain("Vérifiez d'abord, de vive voix, que la demande vient bien de cette personne");
      void dialog.accept();
    });
    await button.click();
    const row = page.getByRole("row", { name: new RegExp(colleague.email) });
    await expect(row.getByRole("status")).toContainText(`Lien de rétablissement envoyé à ${colleague.email}, valable jusqu'au`);
    await expect(button).toBeFocused();
    const recovery = await e2eDb.accessRecovery.findFirstOrThrow({ where: { userId: colleague.id } });
    const email = await e2eDb.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `access-recovery:${recovery.id}` } });
    expect(email.to).toBe(colleague.email);
    expect(email.text).toContain("/recuperation/");
  });

  test("a programme manager registers a candidate establishment and invites its director", async ({ page, context }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);
    await page.goto("/pilotage/etablissements");
    await expectNoSeriousAccessibilityViolation(page);
    await page.getByRole("link", { name: "Inscrire un établissement" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Inscrire un établissement" })).toBeVisible();
    await waitForHydration(page.getByLabel("Nom de l'établissement"));
    await expectNoSeriousAccessibilityViolation(page);

    await page.getByRole("button", { name: "Inscrire l'établissement et inviter sa direction" }).click();
    await expect(page.getByText("Certaines informations ne sont pas valides : corrigez les champs signalés.")).toBeVisible();
    await expect(page.getByLabel("Nom de l'établissement")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.")).toBeVisible();

    const name = `EHPAD Les Glycines ${crypto.randomUUID().slice(0, 6)}`;
    const finessEt = withFinessKey(`86${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`);
    const email = uniqueEmail("direction");
    await fillRegistration(page, { name, finessEt, email });
    await page.getByRole("button", { name: "Inscrire l'établissement et inviter sa direction" }).click();

    await expect(page).toHaveURL(/\/etablissements\/[0-9a-f-]{36}\/membres\?inscrit=1$/);
    const registered = page.getByText(`L'établissement est inscrit. Sa direction est invitée à l'adresse ${email}`);
    await expect(registered).toBeVisible();
    // The outcome takes the focus: the form that had it is on the page left behind.
    await expect(page.locator(":focus")).toContainText("L'établissement est inscrit.");
    await expect(page.getByText(`${email} (direction) – valable jusqu'au`)).toBeVisible();
    const invitation = await e2eDb.invitation.findFirstOrThrow({ where: { email }, include: { establishment: true } });
    expect([invitation.membershipRole, invitation.establishment?.name, invitation.establishment?.finessEt]).toEqual([
      "DIRECTOR",
      name,
      finessEt,
    ]);

    // Registered twice (a second manager, a double entry): refused on the FINESS field, naming the first.
    await page.goto("/pilotage/etablissements/nouveau");
    await waitForHydration(page.getByLabel("Nom de l'établissement"));
    await fillRegistration(page, { name: "Doublon", finessEt, email: uniqueEmail("doublon") });
    await page.getByRole("button", { name: "Inscrire l'établissement et inviter sa direction" }).click();
    await expect(page.getByLabel("FINESS de l'établissement (ET)")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(`L'établissement FINESS ${finessEt} est déjà inscrit : « ${name} ».`).first()).toBeVisible();
    // The form says it is refused, as when the browser refuses it.
    await expect(page.getByText("Certaines informations ne sont pas valides : corrigez les champs signalés.")).toBeVisible();

    // The list finds it by its name, and says that nobody is a member yet but an invitation waits.
    await page.goto(`/pilotage/etablissements?search=${encodeURIComponent(name)}`);
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("Aucun membre");
    await expect(row).toContainText("1 invitation en attente");
    // The team's link names the establishment, between guillemets as the app's other sentences do.
    await expect(row.getByRole("link", { name: `Aucun membre : équipe de « ${name} »` })).toBeVisible();
  });

  test("a director reads the rollout curve over a chosen period, and each form of the section keeps the other's choice", async ({
    page,
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await insertRoster(e2eDb, establishment.id);
    // A reading a day for 120 days, the last one now, the others at noon in Paris: one taken at this
    // time of day on each past day would fall on the next Paris day in summer time after 23:00 in
    // winter (CI at 23:08 saw two readings on the day the clocks changed, and one day fewer). None
    // 92 days ago, whose noon is inside the 92 days shown or not depending on the hour.
    const now = Date.now();
    const todayAtNoon = Date.parse(`${parisToday(new Date(now))}T11:00:00Z`);
    const daysBack = Array.from({ length: 120 }, (_, back) => back).filter((back) => back !== 92);
    await e2eDb.indicatorSnapshot.createMany({
      data: daysBack.map((back) => ({
        establishmentId: establishment.id,
        takenAt: new Date(back === 0 ? now : todayAtNoon - back * 86_400_000),
        reason: "DAILY" as const,
        active: 10,
        registered: 8,
        substantialId: 6,
        rieCompliant: 5,
        dmpReady: 4,
      })),
    });
    await signInAs(context, director.id);
    await page.goto(`/etablissements/${establishment.id}`);

    const curve = page.getByRole("region", { name: "Courbe de déploiement" });
    await expect(curve.getByText("sur les 12 derniers mois : le dernier relevé de chaque semaine")).toBeVisible();
    await curve.getByRole("combobox", { name: "Période" }).selectOption({ label: "3 derniers mois" });
    await curve.getByRole("button", { name: "Afficher cette période" }).click();
    await expect(page).toHaveURL(/periode=3-mois/);
    await expect(curve.getByText("sur les 3 derniers mois : le dernier relevé de chaque jour")).toBeVisible();
    const toggle = curve.getByRole("button", { name: "Données de la courbe" });
    await expect(toggle).toHaveAttribute("data-fr-js-collapse-button", "true");
    await toggle.click();
    // A header row, then the readings of the 92 days shown: today's and the 91 days before (one a day).
    await expect(curve.getByRole("table", { name: "Relevés des indicateurs" }).getByRole("row")).toHaveCount(93);

    const target = new Date(now + 40 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Date cible").fill(target);
    await page.getByRole("button", { name: "Projeter à cette date" }).click();
    await expect(page).toHaveURL(new RegExp(`periode=3-mois.*cible=${target}|cible=${target}.*periode=3-mois`));
    await expect(curve.getByRole("combobox", { name: "Période" })).toHaveValue("3-mois");

    await curve.getByRole("combobox", { name: "Période" }).selectOption({ label: "24 derniers mois" });
    await curve.getByRole("button", { name: "Afficher cette période" }).click();
    await expect(curve.getByText("sur les 24 derniers mois : le dernier relevé de chaque mois")).toBeVisible();
    await expect(page.getByLabel("Date cible")).toHaveValue(target);
    await expectNoSeriousAccessibilityViolation(page);

    // The page samples the history; the download holds every reading.
    const download = page.waitForEvent("download");
    await curve.getByRole("link", { name: "Télécharger tous les relevés depuis le début en CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^releves-indicateurs-\d{9}-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync(await file.path(), "utf8")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(daysBack.length + 1);
    expect(lines.at(-1)).toMatch(/;Relevé quotidien;10;8;80;6;60;5;50;4;40$/);
  });
});
