import { expect, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolation } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { expectNoPageErrors, watchPageErrors } from "./fixtures/page-errors";
import { signInAs } from "./fixtures/sessions";
import { createEstablishment, createReviewer, createReviewWave, createScoredDossier, createUser, insertRoster } from "@/test/factories";

/**
 * Every filtered list offers « Réinitialiser les filtres » (the shared filter form), and only while a
 * filter is set: it leads back to the whole list, still sorted and paged as the person chose.
 */
test.use({ viewport: { width: 1280, height: 900 } });

const RESET = "Réinitialiser les filtres";

/** The page's address, query string included, and nothing else. */
const exactly = (address: string) => new RegExp(`^https?://[^/]+${address.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

test("the decision board's reset drops the filters and keeps the chosen sort", async ({ page, context }) => {
  const wave = await createReviewWave(e2eDb);
  const reviewer = await createReviewer(e2eDb);
  await createScoredDossier(e2eDb, wave, [{ reviewerId: reviewer.userId, value: 3 }], { name: "EHPAD Les Glycines" });
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
  await signInAs(context, manager.id);
  const path = `/pilotage/vagues/${wave.waveId}/decisions`;

  await page.goto(`${path}?sort=requested&dir=asc`);
  await expect(page.getByRole("heading", { level: 1, name: "Décisions" })).toBeVisible();
  await expect(page.getByRole("link", { name: RESET })).toHaveCount(0);

  const errors = watchPageErrors(page);
  await page.goto(`${path}?decision=publiee&sort=requested&dir=asc&page=2`);
  await expect(page.getByText("Aucun dossier ne correspond à ces critères.")).toBeVisible();
  await expectNoSeriousAccessibilityViolation(page);
  await expectNoPageErrors(page, errors);
  await page.getByRole("link", { name: RESET }).click();
  await expect(page).toHaveURL(exactly(`${path}?sort=requested&dir=asc`));
  await expect(page.getByRole("rowheader").first()).toContainText("EHPAD Les Glycines");
  await expect(page.getByRole("link", { name: RESET })).toHaveCount(0);
});

test("the roster's reset drops the filters, « Partis » included, and keeps the sort and the page size", async ({ page, context }) => {
  const establishment = await createEstablishment(e2eDb);
  await insertRoster(e2eDb, establishment.id);
  const director = await createUser(e2eDb, { establishmentId: establishment.id });
  await signInAs(context, director.id);
  const path = `/etablissements/${establishment.id}/professionnels`;

  // The form sends the default activity back: that is no filter.
  await page.goto(`${path}?q=&activity=actifs&compliance=&sort=name&dir=desc&size=50`);
  await expect(page.getByRole("status").filter({ hasText: "en activité" })).toBeVisible();
  await expect(page.getByRole("link", { name: RESET })).toHaveCount(0);

  await page.getByLabel("Activité").selectOption("partis");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "correspondant aux filtres" })).toBeVisible();
  await page.getByRole("link", { name: RESET }).click();
  await expect(page).toHaveURL(exactly(`${path}?dir=desc&size=50`));
  await expect(page.getByRole("status").filter({ hasText: "en activité" })).toBeVisible();
  await expect(page.getByLabel("Lignes par page")).toHaveValue("50");
  await expect(page.getByRole("link", { name: RESET })).toHaveCount(0);
});

test("the establishment list's reset drops its search and region", async ({ page, context }) => {
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
  await signInAs(context, manager.id);

  await page.goto("/pilotage/etablissements");
  await expect(page.getByRole("link", { name: RESET })).toHaveCount(0);
  await page.getByLabel("Nom ou FINESS").fill("aucun établissement de ce nom");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/search=aucun/);
  await page.getByRole("link", { name: RESET }).click();
  await expect(page).toHaveURL(exactly("/pilotage/etablissements"));
  await expect(page.getByLabel("Nom ou FINESS")).toHaveValue("");
  await expect(page.getByRole("link", { name: RESET })).toHaveCount(0);
});

test("the outbox pages through its e-mails with the state filter kept; its reset goes back to every e-mail's first page", async ({
  page,
  context,
}) => {
  // More sent e-mails than a page holds (100), dated long ago so that the newest e-mails of other tests stay on the first page.
  const sentAt = new Date("2001-01-01T09:00:00Z");
  const batch = crypto.randomUUID();
  await e2eDb.outboxEmail.createMany({
    data: Array.from({ length: 101 }, (_, index) => ({
      dedupeKey: `e2e-outbox-pages:${batch}:${index}`,
      to: "archives@hopital.test",
      subject: "Courriel ancien",
      text: "Bonjour",
      status: "SENT" as const,
      createdAt: sentAt,
      sentAt,
      nextAttemptAt: null,
    })),
  });
  const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
  await signInAs(context, manager.id);

  await page.goto("/pilotage/courriels?statut=SENT");
  const next = page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Page suivante" });
  await expect(next).toHaveAttribute("href", "/pilotage/courriels?statut=SENT&page=2");
  await next.click();
  await expect(page).toHaveURL(exactly("/pilotage/courriels?statut=SENT&page=2"));
  await expect(page.getByRole("table", { name: "Courriels, du plus récent au plus ancien" })).toBeVisible();
  await expect(page.getByLabel("État")).toHaveValue("SENT");
  await page.getByRole("link", { name: RESET }).click();
  await expect(page).toHaveURL(exactly("/pilotage/courriels"));
});
