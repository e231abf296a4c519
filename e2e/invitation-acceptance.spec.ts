import { expect, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolation } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { createStaffInvitation } from "./fixtures/invitations";
import { expectNoPageErrors, watchPageErrors } from "./fixtures/page-errors";
import { signInAs } from "./fixtures/sessions";
import { inviteUser } from "@/lib/identity/invitations";
import { createEstablishment, createUser, establishmentWithDirector, uniqueEmail } from "@/test/factories";

/** A newcomer's link says how to sign in with the words of its e-mail (lib/notifications/invitation-email.ts). */
test.describe("activating an account from an invitation", () => {
  test("an establishment member reads e-CPS first, then a passkey on their phone or computer, or a security key", async ({ page }) => {
    const { establishment, director } = await establishmentWithDirector(e2eDb);
    const { link } = await inviteUser(director, {
      purpose: "MEMBER",
      email: uniqueEmail("collegue"),
      establishmentId: establishment.id,
      membershipRole: "EDITOR",
    });
    const errors = watchPageErrors(page);
    await page.goto(new URL(link).pathname);

    await expect(page.getByText("Choisissez comment vous connecter, sans mot de passe :")).toBeVisible();
    await expect(
      page.getByText("Connectez-vous avec votre e-CPS ou votre carte CPS (Pro Santé Connect), si vous en avez une."),
    ).toBeVisible();
    await expect(
      page.getByText(
        "Sinon, connectez-vous avec une clé d'accès (passkey) enregistrée sur votre téléphone ou votre ordinateur, ou avec une clé de sécurité : enregistrez-la ci-dessous.",
        { exact: false },
      ),
    ).toBeVisible();
    await expect(page.getByText("FIDO2", { exact: false })).toHaveCount(0);
    await expectNoSeriousAccessibilityViolation(page);
    await expectNoPageErrors(page, errors);
  });

  test("the programme's staff, who cannot use Pro Santé Connect, read the passkey or FIDO2 key alone", async ({ page }) => {
    const invitation = await createStaffInvitation("REVIEWER");
    const errors = watchPageErrors(page);
    await page.goto(invitation.path);

    await expect(
      page.getByText("Enregistrez ici une clé d'accès (passkey ou clé de sécurité FIDO2) : aucun mot de passe n'est utilisé.", {
        exact: false,
      }),
    ).toBeVisible();
    await expect(page.getByText("e-CPS", { exact: false })).toHaveCount(0);
    await expectNoPageErrors(page, errors);
  });
});

/** An invitation opened by the account it was sent to: the button, or why this account cannot accept it. */
test.describe("accepting an invitation with an account", () => {
  /** A reviewer's invitation whose address then became an account's (with `options`), signed in on `context`. */
  async function invitationToAccount(context: import("@playwright/test").BrowserContext, options: Parameters<typeof createUser>[1]) {
    const invitation = await createStaffInvitation("REVIEWER");
    const user = await createUser(e2eDb, options);
    await e2eDb.user.update({ where: { id: user.id }, data: { email: invitation.email } });
    await signInAs(context, user.id);
    return invitation;
  }

  test("an establishment member opening a staff invitation reads the refusal instead of « Accepter »", async ({ page, context }) => {
    const establishment = await createEstablishment(e2eDb);
    const invitation = await invitationToAccount(context, { establishmentId: establishment.id });
    const errors = watchPageErrors(page);
    await page.goto(invitation.path);

    await expect(page.getByRole("heading", { level: 2, name: "Ce compte ne peut pas accepter cette invitation" })).toBeVisible();
    await expect(page.getByText("Votre compte est celui d'un membre d'un établissement candidat", { exact: false })).toBeVisible();
    await expect(page.getByRole("button", { name: "Accepter l'invitation" })).toHaveCount(0);
    await expectNoSeriousAccessibilityViolation(page);
    await expectNoPageErrors(page, errors);
  });

  test("someone signed in with another account is asked to sign out first, and comes back to the link", async ({ page, context }) => {
    const invitation = await createStaffInvitation("REVIEWER");
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id, membershipRole: "DIRECTOR" });
    await signInAs(context, director.id);
    const errors = watchPageErrors(page);
    await page.goto(invitation.path);

    await expect(
      page.getByText(
        `Vous êtes connecté(e) en tant que ${director.email} ; ce lien concerne ${invitation.email} : déconnectez-vous d'abord.`,
      ),
    ).toBeVisible();
    // No key registration that would open the newcomer's account in place of the director's.
    await expect(page.getByRole("button", { name: /Enregistrer/ })).toHaveCount(0);
    await expectNoSeriousAccessibilityViolation(page);
    await page.getByRole("button", { name: "Se déconnecter pour utiliser ce lien" }).click();
    await expect(page).toHaveURL(new RegExp(`${invitation.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Activer votre compte HospiConnect" })).toBeVisible();
    await expect(page.getByText("Vous êtes connecté(e) en tant que")).toHaveCount(0);
    await expectNoPageErrors(page, errors);
  });

  test("an account without a role still gets « Accepter l'invitation »", async ({ page, context }) => {
    const invitation = await invitationToAccount(context, {});
    const errors = watchPageErrors(page);
    await page.goto(invitation.path);

    await expect(page.getByRole("button", { name: "Accepter l'invitation" })).toBeVisible();
    await expect(page.getByText("Ce compte ne peut pas accepter cette invitation")).toHaveCount(0);
    await expectNoPageErrors(page, errors);
  });
});
