import { expect, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolation } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { E2E_BASE_URL } from "./fixtures/environment";
import { waitForHydration } from "./fixtures/hydration";
import { signInAs } from "./fixtures/sessions";
import { createEstablishment, createUser, uniqueEmail } from "@/test/factories";

/**
 * An invitation opens with its sender's name: how many a person sends, and what that name may say,
 * are bounded where the browser's requests arrive (the counts themselves: links-sent-limit.int.test.ts).
 * The programme's own invitations page names everyone it invites.
 */
test.describe("sending invitations", () => {
  test("the page a manager invites the programme's staff from names them all, an ARS's reviewers included", async ({ page, context }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);
    await page.goto("/pilotage/invitations");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inviter des instructeurs et des chargés de programme");
    await expect(page).toHaveTitle("Inviter des instructeurs et des chargés de programme – HospiConnect");
    await expectNoSeriousAccessibilityViolation(page);

    const email = uniqueEmail("ars");
    await waitForHydration(page.getByLabel("Adresse électronique"));
    await page.getByLabel("Adresse électronique").fill(email);
    // DSFR draws the radio over the input: the label takes the click.
    await page.getByRole("radio", { name: /^Instructeur ou instructrice d'une ARS/ }).check({ force: true });
    await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await expect(page.getByText(`Invitation envoyée à ${email}.`)).toBeVisible();
    expect(await e2eDb.invitation.findFirst({ where: { email }, select: { staffRole: true } })).toEqual({ staffRole: "REGIONAL_REVIEWER" });
  });

  test("past a sender's hourly invitations: 429, Retry-After, the generic message, and nothing sent", async ({ browser }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const context = await browser.newContext({ extraHTTPHeaders: { Origin: E2E_BASE_URL } });
    await signInAs(context, director.id);
    const key = `links-sent-account:${director.id}`;
    await e2eDb.rateLimit.create({ data: { key, points: 50, expire: new Date(Date.now() + 3_600_000) } });
    try {
      const refused = await context.request.post("/api/invitations", {
        data: { purpose: "MEMBER", email: uniqueEmail("limite"), establishmentId: establishment.id },
      });
      expect(refused.status()).toBe(429);
      expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
      expect((await refused.json()).error.message).toMatch(/^Trop de tentatives\. Réessayez dans \d+ minutes?\.$/);
      expect(await e2eDb.invitation.count({ where: { establishmentId: establishment.id } })).toBe(0);
    } finally {
      await e2eDb.rateLimit.deleteMany({ where: { key } });
      await context.close();
    }
  });

  test("a display name that is not a person's name is refused with the French reason", async ({ browser }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id, name: "Claire Dumont" });
    const context = await browser.newContext({ extraHTTPHeaders: { Origin: E2E_BASE_URL } });
    await signInAs(context, director.id);
    const refused = await context.request.patch("/api/account", {
      data: { displayName: "URGENT : votre accès expire, appelez le 01 23 45 67 89 ou https://evil.example/ans –" },
    });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).error.fieldErrors.displayName).toEqual([expect.stringMatching(/^Saisissez seulement vos prénom et nom/)]);
    expect((await e2eDb.user.findUniqueOrThrow({ where: { id: director.id } })).displayName).toBe("Claire Dumont");
    await context.close();
  });
});
