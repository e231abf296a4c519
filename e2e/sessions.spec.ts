import { expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { createDemoSignInLinks } from "@/lib/identity/demo-sign-in";
import { expectNoSeriousAccessibilityViolation } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { E2E_AUTH_SECRET, E2E_BASE_URL } from "./fixtures/environment";
import { waitForHydration } from "./fixtures/hydration";
import { signInAs } from "./fixtures/sessions";
import { createUser } from "@/test/factories";

test.describe("sessions", () => {
  test("after sign-out, a replayed session cookie opens nothing", async ({ page, context, browser }) => {
    const user = await createUser(e2eDb, { staffRole: "REVIEWER", name: "Camille Replay" });
    await signInAs(context, user.id);
    await page.goto("/compte");
    await expect(page.getByRole("heading", { name: "Mon compte" })).toBeVisible();
    const cookie = (await context.cookies()).find((candidate) => candidate.name === "next-auth.session-token")!;

    await page.getByRole("button", { name: "Se déconnecter" }).first().click();
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();

    const thief = await browser.newContext();
    await thief.addCookies([cookie]);
    const stolen = await thief.newPage();
    await stolen.goto("/compte");
    await expect(stolen).toHaveURL(/\/connexion\?retour=%2Fcompte/);
    await thief.close();
    const signOut = await e2eDb.auditEvent.findFirst({ where: { action: "auth.sign_out", actorId: user.id } });
    // Named in the journal by the person's address, as their sign-in is, not by the account's id.
    expect(signOut?.actorLabel).toBe(user.email);
  });

  test("next-auth's session endpoint answers a closed or unknown session as a signed-out one, with nothing", async ({ context }) => {
    const user = await createUser(e2eDb, { staffRole: "REVIEWER", name: "Sacha Fermée" });
    const sessionId = await signInAs(context, user.id);
    expect(await (await context.request.get("/api/auth/session")).json()).toMatchObject({ sid: sessionId });

    await e2eDb.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    const closed = await context.request.get("/api/auth/session");
    expect(closed.status()).toBe(200);
    expect(await closed.json()).toEqual({});

    await context.clearCookies();
    const token = await encode({ token: { sub: user.id, sid: "0190f000-0000-7000-8000-000000000000" }, secret: E2E_AUTH_SECRET });
    await context.addCookies([{ name: "next-auth.session-token", value: token, url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);
    expect(await (await context.request.get("/api/auth/session")).json()).toEqual({});
  });

  test("signing out of every session ends the sessions on other devices", async ({ browser }) => {
    const user = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER", name: "Dominique Partout" });
    const [laptop, phone] = [await browser.newContext(), await browser.newContext()];
    await signInAs(laptop, user.id);
    await signInAs(phone, user.id);
    const [onLaptop, onPhone] = [await laptop.newPage(), await phone.newPage()];
    await onPhone.goto("/compte");
    await expect(onPhone.getByRole("heading", { name: "Mon compte" })).toBeVisible();

    await onLaptop.goto("/compte");
    await onLaptop.getByRole("button", { name: "Se déconnecter de toutes les sessions" }).click();
    await expect(onLaptop).toHaveURL(/\/connexion/);
    await onPhone.reload();
    await expect(onPhone).toHaveURL(/\/connexion/);
    expect(await e2eDb.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    await laptop.close();
    await phone.close();
  });

  test("demo mode: a printed one-time link signs in as its role, once", async ({ page }) => {
    const [director] = await createDemoSignInLinks(e2eDb, E2E_BASE_URL);
    expect(director?.role).toBe("Direction d'établissement");
    const path = new URL(director!.link).pathname;
    await page.goto(path);
    await expectNoSeriousAccessibilityViolation(page);
    await page.getByRole("button", { name: `Se connecter en tant que ${director!.name}` }).click();
    await expect(page.getByRole("link", { name: director!.name })).toBeVisible();
    await expect(page.getByRole("link", { name: "Mes établissements" })).toBeVisible();

    await page.getByRole("button", { name: "Se déconnecter" }).first().click();
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
    await page.goto(path);
    await expect(page.getByText("Ce lien de démonstration a déjà servi")).toBeVisible();
  });

  test("every cookie the browser holds once signed in is listed, with its purpose, on the cookies page the footer links to", async ({
    page,
    context,
  }) => {
    const [director] = await createDemoSignInLinks(e2eDb, E2E_BASE_URL);
    await page.goto(new URL(director!.link).pathname);
    await page.getByRole("button", { name: `Se connecter en tant que ${director!.name}` }).click();
    await expect(page.getByRole("link", { name: "Mes établissements" })).toBeVisible();
    const held = (await context.cookies()).map((cookie) => cookie.name.replace(/^__(Secure|Host)-/, ""));
    expect(held).toContain("next-auth.session-token");

    await page.getByRole("contentinfo").getByRole("link", { name: "Gestion des cookies" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gestion des cookies");
    const listed = (
      await page.getByRole("table", { name: "Cookies déposés par le service" }).getByRole("rowheader").allTextContents()
    ).flatMap((names) => names.split(", "));
    expect(listed).toEqual(expect.arrayContaining([...new Set(held)]));
    await expectNoSeriousAccessibilityViolation(page);
    await page.getByRole("contentinfo").getByRole("link", { name: "Données personnelles" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Données personnelles");
    await expectNoSeriousAccessibilityViolation(page);
  });

  test("a programme manager reads the audit log in French, filtered", async ({ page, context }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await e2eDb.auditEvent.create({
      data: {
        actorLabel: "filtre@e2e.test",
        action: "role.changed",
        targetType: "User",
        targetId: "cible-e2e",
        details: { from: "REVIEWER" },
      },
    });
    await signInAs(context, manager.id);
    await page.goto("/pilotage/journal");
    await expectNoSeriousAccessibilityViolation(page);
    await page.getByLabel("Action").selectOption({ label: "Rôle modifié" });
    await page.getByLabel("Auteur (adresse)").fill("filtre@e2e");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/action=role\.changed/);
    const table = page.getByRole("table", { name: "Événements du journal d'audit" });
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("cell", { name: "Compte cible-e2e" })).toBeVisible();
    await expect(table.getByRole("cell", { name: /^Rôle modifié/ })).toBeVisible();
    // The details in the programme's words, not the stored JSON.
    await expect(table.getByRole("cell", { name: "Avant : instructeur ou instructrice de l'ANS" })).toBeVisible();
  });

  test("a programme manager confirms before giving or taking away the programme's rights or closing an account, and is told what was done", async ({
    page,
    context,
  }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    const reviewer = await createUser(e2eDb, { staffRole: "REVIEWER", name: "Agent Promu" });
    await signInAs(context, manager.id);
    // The accounts are paged: the person is found by their address.
    await page.goto(`/pilotage/utilisateurs?search=${encodeURIComponent(reviewer.email)}`);
    const promote = page.getByRole("button", { name: "Passer chargé de programme : Agent Promu" });
    await waitForHydration(promote);
    const roleOf = async () => (await e2eDb.user.findUniqueOrThrow({ where: { id: reviewer.id } })).staffRole;

    // Declined: nothing changes.
    page.once("dialog", (dialog) => void dialog.dismiss());
    await promote.click();
    await expect(page.getByRole("status").filter({ hasText: "Agent Promu" })).toHaveCount(0);
    expect(await roleOf()).toBe("REVIEWER");

    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await promote.click();
    await expect(page.getByText("Agent Promu est désormais chargé ou chargée de programme.")).toBeVisible();
    expect(asked).toEqual([
      "Donner à Agent Promu les droits de chargé ou chargée de programme ? Ce rôle configure les vagues, attribue les dossiers, décide et voit tout le programme.",
    ]);
    expect(await roleOf()).toBe("PROGRAMME_MANAGER");
    const demote = page.getByRole("button", { name: "Passer instructeur : Agent Promu" });
    await expect(demote).toBeFocused();

    // Taking the rights away is asked too: declined, the account stays a programme manager.
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await demote.click();
    await expect.poll(() => asked.length).toBe(2);
    expect(asked[1]).toBe(
      "Retirer à Agent Promu les droits de chargé ou chargée de programme ? Ce compte ne pourra plus configurer les vagues, attribuer les dossiers ni décider ; il gardera l'instruction des dossiers qui lui sont attribués.",
    );
    expect(await roleOf()).toBe("PROGRAMME_MANAGER");
    page.once("dialog", (dialog) => void dialog.accept());
    await demote.click();
    await expect(page.getByText("Agent Promu est désormais instructeur ou instructrice de l'ANS.")).toBeVisible();
    expect(await roleOf()).toBe("REVIEWER");

    // Closing the account is asked in words that fit anyone.
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await page.getByRole("button", { name: "Désactiver le compte d'Agent Promu" }).click();
    await expect(page.getByText("Compte d'Agent Promu désactivé.")).toBeVisible();
    expect(asked[2]).toBe(
      "Désactiver le compte d'Agent Promu ? Ses sessions sont fermées et ce compte ne pourra plus servir à se connecter.",
    );
    expect((await e2eDb.user.findUniqueOrThrow({ where: { id: reviewer.id } })).disabledAt).not.toBeNull();
  });

  test("a return path the URL parser would make another host's sends the signed-in person home, on this site", async ({ context }) => {
    const user = await createUser(e2eDb, { staffRole: "REVIEWER", name: "Dominique Retour" });
    await signInAs(context, user.id);
    for (const retour of ["/.//evil.example/phish", "/a/..//evil.example", "/compte"]) {
      const response = await context.request.get(`/connexion?retour=${encodeURIComponent(retour)}`, { maxRedirects: 0 });
      expect(response.status()).toBe(307);
      expect(response.headers().location).toBe(retour === "/compte" ? "/compte" : "/");
    }
  });

  test("a made-up error code in a sign-in link gives the sign-in page, its message said first and in its title", async ({ page }) => {
    for (const code of ["constructor", "__proto__", "inconnu"]) {
      const response = await page.goto(`/connexion?erreur=${code}`);
      expect(response?.status()).toBe(200);
      await expect(page).toHaveTitle("Connexion impossible – Se connecter – HospiConnect");
      await expect(page.locator(":focus")).toContainText("La connexion n'a pas abouti. Recommencez.");
    }
    await page.goto("/connexion");
    await expect(page).toHaveTitle("Se connecter – HospiConnect");
  });

  test("next-auth's own English pages lead to the app's", async ({ page }) => {
    await page.goto("/api/auth/signout");
    await expect(page).toHaveURL(/\/connexion/);
    await expect(page.getByRole("heading", { name: "Se connecter à HospiConnect" })).toBeVisible();
    await page.goto("/api/auth/verify-request");
    await expect(page).toHaveURL(/\/connexion/);
  });
});
