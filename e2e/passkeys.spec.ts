import { generateKeyPairSync } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolation, timesAnnounced } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { waitForHydration } from "./fixtures/hydration";
import { VirtualAuthenticator } from "./fixtures/webauthn";
import { createStaffInvitation } from "./fixtures/invitations";
import { expectNoPageErrors, watchPageErrors } from "./fixtures/page-errors";
import { signInAs } from "./fixtures/sessions";
import { KEY_NAME_TAKEN } from "@/lib/identity/key-names";
import { DISPLAY_NAME_MISSING } from "@/lib/identity/schemas";
import { hashToken, newToken } from "@/lib/identity/tokens";
import { createUser } from "@/test/factories";

/**
 * WebAuthn ceremonies end to end, in Chromium with a CDP virtual authenticator: the browser, the
 * authenticator, @simplewebauthn and the database are all real.
 */

async function acceptInvitation(page: Page, invitationPath: string, displayName: string) {
  await page.goto(invitationPath);
  await expect(page).toHaveTitle("Activer votre compte – HospiConnect");
  await waitForHydration(page.getByLabel("Vos prénom et nom"));
  await page.getByLabel("Vos prénom et nom").fill(displayName);
  await page.getByLabel("Nom de la clé").fill("Clé principale");
  await page.getByRole("button", { name: "Enregistrer ma clé d'accès" }).click();
  // Registration chains into a sign-in with the new key: the confirmation shows only for a moment,
  // so the lasting proof is being signed in under the name just given.
  await expect(page.getByRole("link", { name: displayName })).toBeVisible();
}

const CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const FIREFOX_ON_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Se déconnecter" }).first().click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
}

async function signInWithKey(page: Page) {
  await page.goto("/connexion");
  await page.getByRole("button", { name: "Se connecter avec une clé d'accès" }).last().click();
}

async function auditActions(since: Date, targetId?: string) {
  const events = await e2eDb.auditEvent.findMany({
    where: { at: { gte: since }, ...(targetId ? { targetId } : {}) },
    orderBy: { id: "asc" },
    select: { action: true, details: true },
  });
  return events;
}

test.describe("passkeys for ANS staff", () => {
  test("invitation → key registration → signed in, then sign out and in again with the counter advancing", async ({ page }) => {
    const started = new Date();
    const authenticator = await VirtualAuthenticator.attach(page);
    const invitation = await createStaffInvitation("REVIEWER");

    // The name is asked before the key: colleagues would otherwise read an address.
    await page.goto(invitation.path);
    await waitForHydration(page.getByLabel("Vos prénom et nom"));
    await page.getByRole("button", { name: "Enregistrer ma clé d'accès" }).click();
    await expect(page.getByLabel("Vos prénom et nom")).toHaveAccessibleDescription(
      /Indiquez vos prénom et nom : ils apparaîtront aux autres utilisateurs\./,
    );
    // Said once, by the field as it takes the focus: not again by react-dsfr's live region (RGAA 11.10).
    await expect(page.getByLabel("Vos prénom et nom")).toBeFocused();
    expect(await timesAnnounced(page, DISPLAY_NAME_MISSING)).toBe(1);
    expect(await e2eDb.user.count({ where: { email: invitation.email } })).toBe(0);
    // A name that is not a person's is refused there too, before the device creates a key no account would know.
    await page.getByLabel("Vos prénom et nom").fill("Appelez le 01 23 45 67 89");
    await page.getByRole("button", { name: "Enregistrer ma clé d'accès" }).click();
    await expect(page.getByLabel("Vos prénom et nom")).toHaveAccessibleDescription(/Saisissez seulement vos prénom et nom/);
    expect(await authenticator.credentials()).toEqual([]);

    await acceptInvitation(page, invitation.path, "Inès Garnier");
    // The page signs in with the new key right away, and lands on the account, which says it is active.
    await expect(page.getByRole("link", { name: "Inès Garnier" })).toBeVisible();
    await expect(page).toHaveURL(/\/compte\?active=1$/);
    await expect(page.locator(":focus")).toContainText("Votre compte est activé et vous êtes connecté.");
    await expect(page.getByRole("link", { name: "Dossiers à instruire" })).toBeVisible();

    const user = await e2eDb.user.findUniqueOrThrow({ where: { email: invitation.email }, include: { credentials: true } });
    expect(user.staffRole).toBe("REVIEWER");
    expect(user.credentials).toHaveLength(1);
    const [stored] = user.credentials;
    const counterAfterFirstSignIn = stored!.counter;
    expect((await authenticator.credentials())[0]?.credentialId).toBeTruthy();

    await signOut(page);
    await signInWithKey(page);
    await expect(page.getByRole("link", { name: "Inès Garnier" })).toBeVisible();
    const after = await e2eDb.webAuthnCredential.findUniqueOrThrow({ where: { id: stored!.id } });
    expect(after.counter).toBeGreaterThan(counterAfterFirstSignIn);
    expect(after.lastUsedAt).not.toBeNull();

    // A name typed wrong at activation is corrected on the account page, and shows at once.
    await page.goto("/compte");
    await waitForHydration(page.getByLabel("Vos prénom et nom"));
    // The user's own name: the browser may fill it in (RGAA 11.13).
    await expect(page.getByLabel("Vos prénom et nom")).toHaveAttribute("autocomplete", "name");
    await page.getByLabel("Vos prénom et nom").fill(" ");
    await page.getByRole("button", { name: "Enregistrer mon nom" }).click();
    await expect(page.getByLabel("Vos prénom et nom")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Vos prénom et nom").fill("Inès Garnier-Roux");
    await page.getByRole("button", { name: "Enregistrer mon nom" }).click();
    await expect(page.getByText("Votre nom est enregistré.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Inès Garnier-Roux" })).toBeVisible();

    const actions = (await auditActions(started)).map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining(["invitation.accepted", "credential.registered", "auth.sign_in", "auth.sign_out", "account.renamed"]),
    );
  });

  test("a second key, named, then the first one revoked with the sessions it opened; the last key cannot be removed", async ({
    page,
    browser,
  }) => {
    const first = await VirtualAuthenticator.attach(page);
    const invitation = await createStaffInvitation("PROGRAMME_MANAGER");
    await acceptInvitation(page, invitation.path, "Paul Lemoine");
    await expect(page.getByRole("link", { name: "Paul Lemoine" })).toBeVisible();

    // Another browser signs in with the first key.
    const elsewhere = await browser.newContext();
    const otherPage = await elsewhere.newPage();
    await (await VirtualAuthenticator.attach(otherPage)).copyKeysFrom(first);
    await signInWithKey(otherPage);
    await expect(otherPage.getByRole("link", { name: "Paul Lemoine" })).toBeVisible();

    // The backup key is another authenticator, plugged in place of the first.
    await first.remove();
    const backup = await VirtualAuthenticator.attach(page);
    await page.goto("/compte");
    await waitForHydration(page.getByLabel("Nom de la nouvelle clé"));
    await page.getByLabel("Nom de la nouvelle clé").fill("Clé de secours du coffre");
    await page.getByRole("button", { name: "Ajouter une clé" }).click();
    await expect(page.getByText("La nouvelle clé est enregistrée.")).toBeVisible();
    // Said once, by the list's live region: the alert within takes no role status, which would say it again.
    expect(await timesAnnounced(page, "La nouvelle clé est enregistrée.")).toBe(1);
    const table = page.getByRole("table", { name: "Vos clés d'accès" });
    await expect(table.getByRole("row")).toHaveCount(3);
    await expect(table.getByRole("cell", { name: "Clé de secours du coffre", exact: true })).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);

    // A name another key has is refused next to its field, before any key is created.
    const newKeyName = page.getByLabel("Nom de la nouvelle clé");
    await newKeyName.fill("  clé PRINCIPALE ");
    await page.getByRole("button", { name: "Ajouter une clé" }).click();
    await expect(newKeyName).toHaveAttribute("aria-invalid", "true");
    await expect(newKeyName).toHaveAccessibleDescription(/Une autre de vos clés porte déjà ce nom/);
    await expect(newKeyName).toBeFocused();
    expect(await timesAnnounced(page, KEY_NAME_TAKEN)).toBe(1);
    expect(await backup.credentials()).toHaveLength(1);
    // So is an empty name on renaming, next to the field.
    await table.getByRole("button", { name: "Renommer « Clé de secours du coffre »" }).click();
    const rename = page.getByLabel("Nouveau nom de « Clé de secours du coffre »");
    await rename.fill("   ");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(rename).toHaveAttribute("aria-invalid", "true");
    await expect(rename).toHaveAccessibleDescription(/Donnez un nom à cette clé/);
    await expect(rename).toBeFocused();
    expect(await timesAnnounced(page, "Donnez un nom à cette clé.")).toBe(1);
    await page.getByRole("button", { name: "Annuler" }).click();

    // Sign in with the backup key only.
    await signOut(page);
    await signInWithKey(page);
    await expect(page.getByRole("link", { name: "Paul Lemoine" })).toBeVisible();
    expect(await backup.credentials()).toHaveLength(1);

    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await page.goto("/compte");
    await table.getByRole("button", { name: "Supprimer « Clé principale »" }).click();
    await expect(page.getByText("La clé a été supprimée.")).toBeVisible();
    expect(asked).toEqual([
      "Supprimer la clé « Clé principale » ? Elle ne permettra plus de vous connecter et fermera les sessions ouvertes avec elle.",
    ]);
    // The other browser's session, opened with that key, is closed; this one, opened with the backup key, is not.
    await otherPage.goto("/compte");
    await expect(otherPage).toHaveURL(/\/connexion/);
    await elsewhere.close();
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("button", { name: "Supprimer « Clé de secours du coffre »" })).toBeDisabled();
    await expect(page.getByText("votre dernière clé ne peut pas être supprimée")).toBeVisible();

    // The server refuses it too, whatever the page shows.
    const remaining = await e2eDb.webAuthnCredential.findFirstOrThrow({ where: { user: { email: invitation.email } } });
    const response = await page.request.delete(`/api/account/credentials/${encodeURIComponent(remaining.id)}`, {
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(response.status()).toBe(409);
    expect((await response.json()).error.message).toContain("dernière clé");
    expect(await e2eDb.webAuthnCredential.count({ where: { user: { email: invitation.email } } })).toBe(1);
    const revoked = await e2eDb.auditEvent.findFirst({ where: { action: "credential.revoked", actorLabel: invitation.email } });
    expect(revoked?.details).toEqual({ name: "Clé principale", sessionsEnded: 1 });
  });

  test("« Sessions ouvertes » names each device and the key that opened it; closing another session signs that browser out", async ({
    browser,
  }) => {
    const desktop = await browser.newContext({ userAgent: CHROME_ON_WINDOWS });
    const phone = await browser.newContext({ userAgent: FIREFOX_ON_ANDROID });
    const onDesktop = await desktop.newPage();
    const key = await VirtualAuthenticator.attach(onDesktop);
    const invitation = await createStaffInvitation("REVIEWER");
    await acceptInvitation(onDesktop, invitation.path, "Sacha Deux-Appareils");
    const onPhone = await phone.newPage();
    await (await VirtualAuthenticator.attach(onPhone)).copyKeysFrom(key);
    await signInWithKey(onPhone);
    await expect(onPhone.getByRole("link", { name: "Sacha Deux-Appareils" })).toBeVisible();
    // A session opened before sessions recorded their device and key.
    const user = await e2eDb.user.findUniqueOrThrow({ where: { email: invitation.email } });
    await e2eDb.session.create({ data: { userId: user.id, method: "PASSKEY", expiresAt: new Date(Date.now() + 3_600_000) } });

    const errors = watchPageErrors(onDesktop);
    await onDesktop.goto("/compte");
    const sessions = onDesktop.getByRole("table", { name: "Vos sessions ouvertes" });
    await expect(sessions.getByRole("row")).toHaveCount(4);
    const here = sessions.getByRole("row").filter({ hasText: "Cette session (cet appareil)" });
    await expect(here.getByRole("rowheader")).toHaveText(/^Chrome sur Windows/);
    await expect(here).toContainText("Clé « Clé principale »");
    await expect(here.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
    await expect(here.getByRole("button", { name: /Fermer cette session/ })).toHaveCount(0);
    const onThePhone = sessions.getByRole("row").filter({ hasText: "Firefox sur Android" });
    await expect(onThePhone).toContainText("Clé « Clé principale »");
    await expect(sessions.getByRole("row").filter({ hasText: "Appareil inconnu" })).toContainText("Clé d'accès");
    await expectNoSeriousAccessibilityViolation(onDesktop);
    await expectNoPageErrors(onDesktop, errors);

    const close = onThePhone.getByRole("button", { name: /^Fermer cette session : Firefox sur Android, ouverte le / });
    await waitForHydration(close);
    const asked: string[] = [];
    onDesktop.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await close.click();
    await expect(onDesktop.locator(":focus")).toContainText("La session est fermée : sur cet appareil, il faudra se reconnecter.");
    expect(asked).toEqual([
      expect.stringMatching(/^Fermer la session « Firefox sur Android » ouverte le .+ \? Cet appareil devra se reconnecter\.$/),
    ]);
    await expect(sessions.getByRole("row")).toHaveCount(3);
    await expect(sessions.getByRole("row").filter({ hasText: "Firefox sur Android" })).toHaveCount(0);

    // The phone is signed out; this browser is not.
    await onPhone.goto("/compte");
    await expect(onPhone).toHaveURL(/\/connexion/);
    await onDesktop.reload();
    await expect(onDesktop.getByRole("heading", { name: "Mon compte" })).toBeVisible();
    const closed = await e2eDb.auditEvent.findFirst({ where: { action: "auth.session_closed", actorId: user.id } });
    expect(closed?.details).toEqual({ device: "Firefox sur Android" });
    await desktop.close();
    await phone.close();
  });

  test("deleting the key that opened this session warns so, then the sign-in page says why the session ended", async ({ page }) => {
    const first = await VirtualAuthenticator.attach(page);
    const invitation = await createStaffInvitation("REVIEWER");
    await acceptInvitation(page, invitation.path, "Alix Clé-Courante");
    // A backup key on another authenticator; this session stays the one « Clé principale » opened.
    await first.remove();
    await VirtualAuthenticator.attach(page);
    await page.goto("/compte");
    await waitForHydration(page.getByLabel("Nom de la nouvelle clé"));
    await page.getByLabel("Nom de la nouvelle clé").fill("Clé de secours");
    await page.getByRole("button", { name: "Ajouter une clé" }).click();
    await expect(page.getByText("La nouvelle clé est enregistrée.")).toBeVisible();

    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await page.getByRole("table", { name: "Vos clés d'accès" }).getByRole("button", { name: "Supprimer « Clé principale »" }).click();

    await expect(page).toHaveURL(/\/connexion\?fin=cle-supprimee$/);
    await expect(page.locator(":focus")).toContainText(
      "Vous avez supprimé la clé d'accès qui avait ouvert cette session : elle est fermée. Connectez-vous avec une autre de vos clés.",
    );
    expect(asked).toEqual([
      "Supprimer la clé « Clé principale » ? Elle ne permettra plus de vous connecter et fermera les sessions ouvertes avec elle. Cette clé a ouvert la session en cours : la session sera fermée et il faudra vous reconnecter avec une autre clé.",
    ]);
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);
    // The backup key signs in again.
    await signInWithKey(page);
    await expect(page.getByRole("link", { name: "Alix Clé-Courante" })).toBeVisible();
  });

  test("an account without a key (a director signed in through Pro Santé Connect) is told it has none, not that its last one stays", async ({
    page,
    context,
  }) => {
    const director = await createUser(e2eDb, { name: "Directrice Sans Clé" });
    await signInAs(context, director.id);
    await page.goto("/compte");
    await expect(page.getByText("Vous n'avez pas encore de clé d'accès")).toBeVisible();
    await expect(page.getByRole("table", { name: "Vos clés d'accès" })).toHaveCount(0);
    await expect(page.getByText("votre dernière clé ne peut pas être supprimée")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Ajouter une clé" })).toBeVisible();
  });

  test("a reviewer who lost their only key gets back in through the link a programme manager sends, and the lost key opens nothing", async ({
    page,
    browser,
  }) => {
    const started = new Date();
    await VirtualAuthenticator.attach(page);
    const invitation = await createStaffInvitation("REVIEWER");
    await acceptInvitation(page, invitation.path, "Marc Égaré");
    const reviewer = await e2eDb.user.findUniqueOrThrow({ where: { email: invitation.email }, include: { credentials: true } });
    const [lostKey] = reviewer.credentials;

    // The programme manager, having checked by phone that the request is the reviewer's, sends the link.
    const managerContext = await browser.newContext();
    await signInAs(managerContext, (await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" })).id);
    const managerPage = await managerContext.newPage();
    await managerPage.goto(`/pilotage/utilisateurs?search=${encodeURIComponent(invitation.email)}`);
    const send = managerPage.getByRole("button", { name: "Rétablir l'accès de Marc Égaré" });
    await waitForHydration(send);
    managerPage.once("dialog", (dialog) => void dialog.accept());
    await send.click();
    // The row's other actions have their own status line.
    await expect(
      managerPage
        .getByRole("row", { name: /Marc Égaré/ })
        .getByRole("status")
        .filter({ hasText: "Lien de rétablissement envoyé" }),
    ).toContainText(`Lien de rétablissement envoyé à ${invitation.email}`);
    await managerContext.close();
    const recovery = await e2eDb.accessRecovery.findFirstOrThrow({ where: { userId: reviewer.id } });
    const email = await e2eDb.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `access-recovery:${recovery.id}` } });
    const path = new URL(/https?:\/\/\S+\/recuperation\/\S+/.exec(email.text)![0]).pathname;

    // Another computer, a new key.
    const elsewhere = await browser.newContext();
    const recoveryPage = await elsewhere.newPage();
    const newKey = await VirtualAuthenticator.attach(recoveryPage);
    await recoveryPage.goto(path);
    await expect(recoveryPage).toHaveTitle("Rétablir votre accès – HospiConnect");
    await expect(recoveryPage.getByText("vous retirez de votre compte toutes vos clés actuelles")).toBeVisible();
    await expectNoSeriousAccessibilityViolation(recoveryPage);
    await waitForHydration(recoveryPage.getByLabel("Nom de la clé"));
    await recoveryPage.getByLabel("Nom de la clé").fill("Clé de remplacement");
    await recoveryPage.getByRole("button", { name: "Enregistrer ma nouvelle clé" }).click();
    await expect(recoveryPage).toHaveURL(/\/compte\?retabli=1$/);
    await expect(recoveryPage.locator(":focus")).toContainText("Votre accès est rétabli et vous êtes connecté.");
    const keys = recoveryPage.getByRole("table", { name: "Vos clés d'accès" });
    await expect(keys.getByRole("row")).toHaveCount(2);
    await expect(keys.getByRole("cell", { name: "Clé de remplacement", exact: true })).toBeVisible();
    expect(await newKey.credentials()).toHaveLength(1);

    // The session opened with the lost key is closed, and that key no longer signs in.
    await page.goto("/compte");
    await expect(page).toHaveURL(/\/connexion/);
    await signInWithKey(page);
    await expect(page.getByRole("alert").filter({ hasText: "cette clé n'a pas pu être vérifiée" })).toBeVisible();
    expect(await e2eDb.webAuthnCredential.count({ where: { id: lostKey!.id } })).toBe(0);

    // The link served once.
    await recoveryPage.goto(path);
    await expect(recoveryPage.getByText("Ce lien de rétablissement a déjà été utilisé.")).toBeVisible();
    await expect(recoveryPage).toHaveTitle("Lien inutilisable – Rétablir votre accès – HospiConnect");
    await elsewhere.close();
    const actions = (await auditActions(started, reviewer.id)).map((event) => event.action);
    expect(actions).toEqual(["access-recovery.issued", "access-recovery.used"]);
  });

  test("a recovery link opened while signed in as someone else asks to sign out first, then opens", async ({ page, context }) => {
    const colleague = await createUser(e2eDb, { name: "Agathe Collègue" });
    const owner = await createUser(e2eDb, { name: "Bruno Perdu" });
    const token = newToken();
    await e2eDb.accessRecovery.create({
      data: { tokenHash: hashToken(token), userId: owner.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    await signInAs(context, colleague.id);

    await page.goto(`/recuperation/${token}`);
    await expect(
      page.getByText(`Vous êtes connecté(e) en tant que ${colleague.email} ; ce lien concerne ${owner.email} : déconnectez-vous d'abord.`),
    ).toBeVisible();
    await expect(page.getByLabel("Nom de la clé")).toHaveCount(0);
    await expectNoSeriousAccessibilityViolation(page);
    await waitForHydration(page.getByRole("button", { name: "Se déconnecter pour utiliser ce lien" }));
    await page.getByRole("button", { name: "Se déconnecter pour utiliser ce lien" }).click();

    await expect(page).toHaveURL(new RegExp(`/recuperation/${token}$`));
    await expect(page.getByLabel("Nom de la clé")).toBeVisible();
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  });

  test("an unregistered key is refused and audited", async ({ page }) => {
    const started = new Date();
    const authenticator = await VirtualAuthenticator.attach(page);
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    await authenticator.addUnknownKey("localhost", privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"));

    await signInWithKey(page);
    await expect(page.getByRole("alert").filter({ hasText: "cette clé n'a pas pu être vérifiée" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
    const failures = (await auditActions(started)).filter((event) => event.action === "auth.sign_in_failed");
    expect(failures.map((event) => (event.details as { reason: string }).reason)).toContain("unknown credential");
  });

  test("a response without user verification is refused", async ({ page }) => {
    const started = new Date();
    const authenticator = await VirtualAuthenticator.attach(page);
    const invitation = await createStaffInvitation("REVIEWER");
    await acceptInvitation(page, invitation.path, "Léa Roux");
    await expect(page.getByRole("link", { name: "Léa Roux" })).toBeVisible();
    await signOut(page);

    await authenticator.override({ isBadUV: true });
    await signInWithKey(page);
    await expect(page.getByRole("alert").filter({ hasText: "cette clé n'a pas pu être vérifiée" })).toBeVisible();
    // The button, disabled while the key answered, takes the focus back: the alert says the refusal,
    // and the keyboard resumes where it was, not from the top of the page.
    await expect(page.getByRole("button", { name: "Se connecter avec une clé d'accès" }).last()).toBeFocused();
    const reasons = (await auditActions(started))
      .filter((event) => event.action === "auth.sign_in_failed")
      .map((event) => (event.details as { reason: string }).reason);
    expect(reasons.some((reason) => /user verification|could not be verified/i.test(reason))).toBe(true);
  });

  test("a disabled account is told so, with no recovery offered, only once its key is verified", async ({ page }) => {
    const authenticator = await VirtualAuthenticator.attach(page);
    const invitation = await createStaffInvitation("REVIEWER");
    await acceptInvitation(page, invitation.path, "Inès Garnier");
    await expect(page.getByRole("link", { name: "Inès Garnier" })).toBeVisible();
    await signOut(page);
    await e2eDb.user.update({ where: { email: invitation.email }, data: { disabledAt: new Date() } });
    const ans = page.getByRole("region", { name: "Vous êtes agent de l'ANS ou d'une ARS" });

    // A response whose signature does not hold says nothing of the account.
    await authenticator.override({ isBogusSignature: true });
    await signInWithKey(page);
    await expect(page.getByRole("alert").filter({ hasText: "cette clé n'a pas pu être vérifiée" })).toBeVisible();
    await expect(page.getByText("Votre compte a été désactivé")).toHaveCount(0);

    await authenticator.override({ isBogusSignature: false });
    await signInWithKey(page);
    await expect(
      page.getByRole("alert").filter({ hasText: "Votre compte a été désactivé : adressez-vous à un chargé de programme de l'ANS." }),
    ).toBeVisible();
    await expect(ans.getByText("Clé perdue ?")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Inès Garnier" })).toHaveCount(0);
    const failure = await e2eDb.auditEvent.findFirst({ where: { action: "auth.sign_in_failed" }, orderBy: { id: "desc" } });
    expect((failure?.details as { reason: string }).reason).toBe("account disabled");
  });

  test("a replayed sign-in (same challenge, same assertion) is refused", async ({ page }) => {
    await VirtualAuthenticator.attach(page);
    const invitation = await createStaffInvitation("REVIEWER");
    await acceptInvitation(page, invitation.path, "Hugo Petit");
    await expect(page.getByRole("link", { name: "Hugo Petit" })).toBeVisible();
    await signOut(page);

    // Capture the sign-in request as it leaves the browser.
    const captured = page.waitForRequest((request) => request.url().includes("/api/auth/callback/passkey") && request.method() === "POST");
    await signInWithKey(page);
    await expect(page.getByRole("link", { name: "Hugo Petit" })).toBeVisible();
    const original = await captured;
    const sessionsBefore = await e2eDb.session.count({ where: { user: { email: invitation.email } } });

    const replay = await page.request.post(original.url(), {
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: new URL(page.url()).origin },
      data: original.postData() ?? "",
      maxRedirects: 0,
    });
    expect(replay.status()).toBe(401);
    expect(await e2eDb.session.count({ where: { user: { email: invitation.email } } })).toBe(sessionsBefore);
    const failure = await e2eDb.auditEvent.findFirst({ where: { action: "auth.sign_in_failed" }, orderBy: { id: "desc" } });
    expect((failure?.details as { reason: string }).reason).toBe("challenge unknown, used or expired");
  });

  test("a key whose signature counter goes backwards is refused and flagged as a possible clone", async ({ page }) => {
    await VirtualAuthenticator.attach(page);
    const invitation = await createStaffInvitation("REVIEWER");
    await acceptInvitation(page, invitation.path, "Nora Blanc");
    await expect(page.getByRole("link", { name: "Nora Blanc" })).toBeVisible();
    await signOut(page);

    // As if a copy of the key had been used meanwhile: the server has seen a higher counter.
    await e2eDb.webAuthnCredential.updateMany({ where: { user: { email: invitation.email } }, data: { counter: 1_000n } });
    await signInWithKey(page);
    await expect(page.getByRole("alert").filter({ hasText: "cette clé n'a pas pu être vérifiée" })).toBeVisible();
    const flagged = await e2eDb.auditEvent.findFirst({ where: { action: "credential.clone_suspected" }, orderBy: { id: "desc" } });
    expect(flagged?.actorLabel).toBe(invitation.email);
    const refusal = await e2eDb.auditEvent.findFirst({ where: { action: "auth.sign_in_failed" }, orderBy: { id: "desc" } });
    expect(refusal?.actorLabel).toBe(invitation.email);
  });

  test("an invitation link works once, and not once expired", async ({ page }) => {
    await VirtualAuthenticator.attach(page);
    const used = await createStaffInvitation("REVIEWER");
    await acceptInvitation(page, used.path, "Jeanne Morel");
    await expect(page.getByRole("link", { name: "Jeanne Morel" })).toBeVisible();
    await signOut(page);

    await page.goto(used.path);
    await expect(page.getByText("Ce lien d'invitation a déjà été utilisé.")).toBeVisible();
    await expect(page).toHaveTitle("Invitation inutilisable – Accepter votre invitation – HospiConnect");
    const reuse = await page.request.post("/api/webauthn/registration/options", { data: { invitationToken: used.token } });
    expect(reuse.status()).toBe(409);

    const expired = await createStaffInvitation("REVIEWER");
    await e2eDb.invitation.update({
      where: { id: expired.invitationId },
      data: { expiresAt: new Date(Date.now() - 60_000), createdAt: new Date(Date.now() - 3_600_000) },
    });
    await page.goto(expired.path);
    await expect(page.getByText("Ce lien d'invitation a expiré.")).toBeVisible();
    await expect(page).toHaveTitle("Invitation inutilisable – Activer votre compte – HospiConnect");
    await expectNoSeriousAccessibilityViolation(page);
    const late = await page.request.post("/api/webauthn/registration/options", { data: { invitationToken: expired.token } });
    expect(late.status()).toBe(409);
    expect((await late.json()).error.message).toContain("expiré");
  });
});
