import { expect, type Page, test } from "@playwright/test";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { e2eDb } from "./fixtures/database";
import { inviteUser } from "@/lib/identity/invitations";
import { createEstablishment, establishmentWithDirector, uniqueEmail } from "@/test/factories";

/**
 * Establishment members sign in with Pro Santé Connect, played by a real OpenID provider started
 * beside the app (e2e/oidc/psc-provider.ts): authorization code flow with PKCE, state and nonce.
 */
function newRpps(): string {
  return withRppsKey(`18${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`);
}

async function signInWithPsc(page: Page, rpps: string, acr: "eidas1" | "eidas0" = "eidas1") {
  await page.getByRole("button", { name: "S'identifier avec Pro Santé Connect" }).click();
  await expect(page.getByRole("heading", { name: "Pro Santé Connect – connexion de test" })).toBeVisible();
  await page.getByLabel("Identifiant RPPS").fill(rpps);
  await page.getByLabel("Moyen").selectOption(acr);
  await page.getByRole("button", { name: "Valider" }).click();
}

test.describe("Pro Santé Connect", () => {
  test("a member whose RPPS is known signs in and reaches their establishment", async ({ page }) => {
    const establishment = await createEstablishment(e2eDb);
    const rpps = newRpps();
    await e2eDb.user.create({
      data: {
        email: uniqueEmail("directrice"),
        displayName: "Directrice PSC",
        rpps,
        memberships: { create: { establishmentId: establishment.id, role: "DIRECTOR" } },
      },
    });

    await page.goto("/connexion");
    await signInWithPsc(page, rpps);
    await expect(page.getByRole("link", { name: "Directrice PSC" })).toBeVisible();
    await page.getByRole("link", { name: "Mes établissements" }).click();
    await expect(page.getByRole("heading", { level: 1, name: establishment.name })).toBeVisible();
    const session = await e2eDb.session.findFirst({ where: { user: { rpps } }, orderBy: { createdAt: "desc" } });
    expect(session?.method).toBe("PRO_SANTE_CONNECT");
  });

  test("an RPPS without an account is refused, with what to do, and audited", async ({ page }) => {
    const rpps = newRpps();
    await page.goto("/connexion");
    await signInWithPsc(page, rpps);
    await expect(page.getByText("Aucun compte HospiConnect n'est associé à votre identifiant RPPS.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
    const refusal = await e2eDb.auditEvent.findFirst({ where: { action: "auth.sign_in_failed", actorLabel: `RPPS ${rpps}` } });
    expect((refusal?.details as { reason: string }).reason).toBe("unknown-rpps");
  });

  test("a one-factor authentication at PSC is refused", async ({ page }) => {
    const establishment = await createEstablishment(e2eDb);
    const rpps = newRpps();
    await e2eDb.user.create({
      data: {
        email: uniqueEmail("membre"),
        displayName: "Membre un facteur",
        rpps,
        memberships: { create: { establishmentId: establishment.id, role: "EDITOR" } },
      },
    });
    await page.goto("/connexion");
    await signInWithPsc(page, rpps, "eidas0");
    await expect(page.getByText("Pro Santé Connect doit être utilisé avec un moyen d'authentification à double facteur")).toBeVisible();
    expect(await e2eDb.session.count({ where: { user: { rpps } } })).toBe(0);
  });

  test("an invited colleague with an e-CPS accepts the invitation through PSC, lands on the establishment, named as PSC names them", async ({
    page,
  }) => {
    const { establishment, director } = await establishmentWithDirector(e2eDb);
    const email = uniqueEmail("collegue");
    const { link } = await inviteUser(director, { purpose: "MEMBER", email, establishmentId: establishment.id, membershipRole: "EDITOR" });
    const rpps = newRpps();

    await page.goto(new URL(link).pathname);
    await signInWithPsc(page, rpps);
    // The establishment's page, saying the team is joined; the name is PSC's (given_name, family_name), not the address.
    await expect(page.getByRole("heading", { level: 1, name: establishment.name })).toBeVisible();
    await expect(
      page.getByText(`Votre compte est activé : vous avez rejoint l'équipe de «\u00a0${establishment.name}\u00a0».`),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Camille MARTIN" })).toBeVisible();
    const user = await e2eDb.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.displayName).toBe("Camille MARTIN");
    expect(user.rpps).toBe(rpps);
    expect(user.memberships.map((membership) => membership.establishmentId)).toEqual([establishment.id]);
    await page.goto(new URL(link).pathname);
    await expect(page.getByText("Ce lien d'invitation a déjà été utilisé.")).toBeVisible();
  });
});
