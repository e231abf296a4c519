import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { DEFAULT_CRITERIA, DEFAULT_OBJECTIVES } from "@/lib/campaigns/programme-defaults";
import { formatParisDateTime, parisDateTime, toParisLocal } from "@/lib/time/paris";
import { ofName } from "@/lib/format/elision";
import { expectNoSeriousAccessibilityViolation } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { waitForHydration } from "./fixtures/hydration";
import { expectNoPageErrors, watchPageErrors } from "./fixtures/page-errors";
import { signInAs } from "./fixtures/sessions";
import { createEstablishment, createOpenWave, createUser } from "@/test/factories";

/** Waves configured by a programme manager, and eligibility screened before an establishment starts its dossier. */

const DAY_MS = 86_400_000;
const EHPAD = "Établissement d'hébergement pour personnes âgées dépendantes (EHPAD) (500)";

/** A wave open to EHPAD (500) only, closing at `closesAt`. */
async function createEhpadWave(closesAt: Date) {
  const suffix = randomUUID().slice(0, 8);
  const campaign = await e2eDb.campaign.create({ data: { slug: `vagues-${suffix}`, title: `Campagne ${suffix}`, description: "" } });
  return e2eDb.wave.create({
    data: {
      campaignId: campaign.id,
      kind: "GENERALISATION",
      title: `Vague EHPAD ${suffix}`,
      year: 2026,
      // To the minute, as the settings form sends it back: a second more would be a moved opening.
      opensAt: new Date(Math.floor((Date.now() - 30 * DAY_MS) / 60_000) * 60_000),
      closesAt,
      fundingEnvelopeCents: 1_000_000_00n,
      eligibleCategories: { create: [{ categoryCode: "500" }] },
      versions: {
        create: {
          number: 1,
          objectives: { create: DEFAULT_OBJECTIVES.map((objective, position) => ({ ...objective, position })) },
          criteria: { create: DEFAULT_CRITERIA.map((criterion, position) => ({ ...criterion, position })) },
        },
      },
    },
    select: { id: true, title: true },
  });
}

async function memberOf(categoryCode: string) {
  const establishment = await createEstablishment(e2eDb);
  if (categoryCode !== "500") await e2eDb.establishment.update({ where: { id: establishment.id }, data: { categoryCode } });
  const member = await createUser(e2eDb, { establishmentId: establishment.id });
  const { finessEt } = await e2eDb.establishment.findUniqueOrThrow({ where: { id: establishment.id }, select: { finessEt: true } });
  return { establishment: { ...establishment, finessEt }, member };
}

async function signInFresh(page: Page, userId: string) {
  await page.context().clearCookies();
  await signInAs(page.context(), userId);
}

test.describe("waves and eligibility", () => {
  test("a programme manager creates a campaign and a wave with objectives and grid, dates in Paris time, then versions the grid once it is open", async ({
    page,
    context,
  }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER", name: "Claire Pilote" });
    await signInAs(context, manager.id);
    const suffix = randomUUID().slice(0, 6);

    await page.goto("/pilotage/campagnes");
    await expectNoSeriousAccessibilityViolation(page);
    await waitForHydration(page.getByLabel("Titre de la campagne"));
    // Which fields are required is said before them, the optional one says so (RGAA 11.10).
    const newCampaign = page.getByRole("form", { name: "Nouvelle campagne" });
    await expect(newCampaign.getByText("Sauf mention contraire, tous les champs sont obligatoires.")).toBeVisible();
    await expect(newCampaign.getByLabel("Description (facultatif)")).toBeVisible();
    await page.getByLabel("Titre de la campagne").fill(`Campagne e2 ${suffix}`);
    await page.getByLabel("Identifiant").fill(`e2e-${suffix}`);
    await page.getByRole("button", { name: "Créer la campagne" }).click();
    await expect(page.getByText(`Campagne « Campagne e2 ${suffix} » créée`)).toBeVisible();
    // The typo in its title is corrected in place, and audited.
    const campaign = page.getByRole("region", { name: `Campagne e2 ${suffix}` });
    await campaign.getByText("Modifier le titre ou la description").click();
    await campaign.getByLabel("Titre", { exact: true }).fill(`Campagne e2e ${suffix}`);
    await campaign.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("heading", { level: 2, name: `Campagne e2e ${suffix}` })).toBeVisible();
    const { id: campaignId } = await e2eDb.campaign.findUniqueOrThrow({ where: { slug: `e2e-${suffix}` } });
    expect(await e2eDb.auditEvent.count({ where: { action: "campaign.updated", targetId: campaignId } })).toBe(1);
    await page.getByRole("link", { name: `Ajouter une vague à « Campagne e2e ${suffix} »` }).click();

    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Nouvelle vague de « Campagne e2e ${suffix} »`);
    await expectNoSeriousAccessibilityViolation(page);
    await expect(page.getByText("Sauf mention contraire, tous les champs sont obligatoires.")).toBeVisible();
    await expect(page.getByRole("group", { name: "Objectif 1" }).getByLabel("Description (facultatif)")).toBeVisible();
    await expect(page.getByRole("group", { name: "Critère 1" }).getByLabel("Description (facultatif)")).toBeVisible();
    const opensAt = toParisLocal(new Date(Date.now() - DAY_MS)).slice(0, 10) + "T09:00";
    const closesAt = toParisLocal(new Date(Date.now() + 30 * DAY_MS)).slice(0, 10) + "T23:59";
    await page.getByLabel("Titre de la vague").fill(`Vague e2e ${suffix}`);
    await page.getByLabel("Année").fill(opensAt.slice(0, 4));
    await page.getByLabel("Ouverture des candidatures (heure de Paris)").fill(opensAt);
    // Closing before opening: the shared rule answers on the field before anything is sent.
    await page.getByLabel("Clôture des candidatures (heure de Paris)").fill(opensAt.slice(0, 10) + "T08:00");
    await page.getByLabel("Enveloppe de financement (en euros)").fill("2 000 000");
    await page.getByRole("button", { name: "Tout cocher : Établissements de santé (ES)" }).click();
    await page.getByText(EHPAD, { exact: true }).click();
    await page.getByRole("button", { name: "Créer la vague" }).click();
    await expect(page.getByText("La clôture doit être postérieure à l'ouverture.")).toBeVisible();
    // The field itself says it is invalid, and what is wrong, to a screen reader on it.
    const closing = page.getByLabel("Clôture des candidatures (heure de Paris)");
    await expect(closing).toHaveAttribute("aria-invalid", "true");
    await expect(closing).toHaveAccessibleDescription(/La clôture doit être postérieure à l'ouverture\./);
    await closing.fill(closesAt);
    await expect(closing).not.toHaveAttribute("aria-invalid");

    await page.getByRole("group", { name: "Critère 1" }).getByLabel("Poids").fill("40");
    // Moved to the end, a row's « Descendre » is disabled: the focus goes to its « Monter », not to the page; and back.
    await page.getByRole("button", { name: "Descendre « Objectif 3 »" }).click();
    await expect(page.getByRole("button", { name: "Monter « Objectif 4 »" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Monter « Objectif 3 »" })).toBeFocused();
    await page.getByRole("button", { name: "Ajouter un objectif" }).click();
    const added = page.getByRole("group", { name: "Objectif 5" });
    await added.getByLabel("Intitulé").fill("Inventaire de toutes les populations de professionnels");
    await added.getByText("Objectif obligatoire (a minima)").click();
    await page.getByRole("button", { name: "Créer la vague" }).focus();
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/pilotage\/vagues\/[0-9a-f-]{36}\?creee=1$/);
    // The button is on the page left behind: the message of the page reached takes the focus, which says it.
    await expect(page.locator(":focus")).toHaveText(
      "La vague est créée : ses paramètres, ses objectifs et sa grille restent modifiables ci-dessous.",
    );
    const waveId = new URL(page.url()).pathname.split("/").at(-1)!;
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Vague e2e ${suffix}`);
    const wave = await e2eDb.wave.findUniqueOrThrow({
      where: { id: waveId },
      select: {
        opensAt: true,
        closesAt: true,
        fundingEnvelopeCents: true,
        eligibleCategories: { select: { categoryCode: true } },
        versions: {
          select: {
            number: true,
            objectives: { orderBy: { position: "asc" }, select: { code: true, required: true } },
            criteria: { orderBy: { position: "asc" }, select: { weight: true } },
          },
        },
      },
    });
    expect(wave.opensAt).toEqual(parisDateTime(opensAt));
    expect(wave.closesAt).toEqual(parisDateTime(closesAt));
    expect(wave.fundingEnvelopeCents).toBe(2_000_000_00n);
    const eligible = wave.eligibleCategories.map((row) => row.categoryCode);
    expect(eligible).toEqual(expect.arrayContaining(["101", "106", "292", "355", "500"]));
    expect(eligible).not.toContain("202");
    expect(wave.versions).toHaveLength(1);
    expect(wave.versions[0]?.objectives.at(-1)).toEqual({ code: "O5", required: true });
    expect(wave.versions[0]?.criteria[0]?.weight).toBe(40);

    // The wave opened yesterday: a change of grid now makes version 2, which the page says once the
    // grid holds a change, not about the settings or an extension, which make none.
    const newVersion = page.getByText(/La vague a déjà ouvert : enregistrer ces modifications créera la version/);
    await expect(newVersion).toHaveCount(0);
    await page
      .getByRole("form", { name: "Objectifs et grille d'évaluation" })
      .getByRole("group", { name: "Critère 2" })
      .getByLabel("Poids")
      .fill("25");
    await expect(newVersion).toHaveText(/créera la version 2,/);
    await expectNoSeriousAccessibilityViolation(page);
    await page.getByRole("button", { name: "Enregistrer les objectifs et la grille" }).click();
    await expect(page.getByText("Version 2 créée")).toBeVisible();
    await expect(newVersion).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Objectifs et grille d'évaluation (version 2)" })).toBeVisible();
    const audit = await e2eDb.auditEvent.findMany({ where: { targetId: waveId }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audit.map((event) => event.action)).toEqual(["wave.created", "wave.version_created"]);
  });

  test("a wave without an eligible category gives the focus to the first category, which says why, unless a field above is wrong too", async ({
    page,
    context,
  }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);
    const suffix = randomUUID().slice(0, 8);
    const campaign = await e2eDb.campaign.create({ data: { slug: `categories-${suffix}`, title: `Campagne ${suffix}`, description: "" } });
    const required = /Cochez au moins une catégorie d'établissements éligible\./;

    await page.goto(`/pilotage/campagnes/${campaign.id}/nouvelle-vague`);
    const title = page.getByLabel("Titre de la vague");
    await waitForHydration(title);
    const opensAt = toParisLocal(new Date(Date.now() + DAY_MS)).slice(0, 10) + "T09:00";
    await page.getByLabel("Année").fill(opensAt.slice(0, 4));
    await page.getByLabel("Ouverture des candidatures (heure de Paris)").fill(opensAt);
    await page.getByLabel("Clôture des candidatures (heure de Paris)").fill(opensAt.slice(0, 10) + "T18:00");
    await page.getByLabel("Enveloppe de financement (en euros)").fill("1 000 000");
    const create = page.getByRole("button", { name: "Créer la vague" });
    await create.click();
    await expect(page.getByText(required)).toBeVisible();
    await expect(title).toBeFocused();

    // A field further down wrong too: the categories, above it, take the focus.
    await title.fill(`Vague ${suffix}`);
    await page.getByRole("group", { name: "Critère 1" }).getByLabel("Poids").fill("");
    await create.click();
    const firstCategory = page.locator("#field-eligibleCategoryCodes").getByRole("checkbox").first();
    await expect(firstCategory).toBeFocused();
    await expect(firstCategory).toHaveAttribute("aria-invalid", "true");
    await expect(firstCategory).toHaveAccessibleDescription(required);
    expect(await e2eDb.wave.count({ where: { campaignId: campaign.id } })).toBe(0);

    // The settings of an existing wave share the field.
    const wave = await createEhpadWave(new Date(Date.now() + 20 * DAY_MS));
    await page.goto(`/pilotage/vagues/${wave.id}`);
    const settings = page.getByRole("form", { name: "Paramètres de la vague" });
    await waitForHydration(settings.getByLabel("Titre de la vague"));
    await settings.getByText(EHPAD, { exact: true }).click();
    await settings.getByRole("button", { name: "Enregistrer les paramètres" }).click();
    const firstSetting = settings.locator("#field-eligibleCategoryCodes").getByRole("checkbox").first();
    await expect(firstSetting).toBeFocused();
    await expect(firstSetting).toHaveAccessibleDescription(required);
    const stored = await e2eDb.waveEligibleCategory.findMany({ where: { waveId: wave.id }, select: { categoryCode: true } });
    expect(stored).toEqual([{ categoryCode: "500" }]);
  });

  test("a member of an excluded category is told why and cannot start; an eligible member starts the dossier", async ({ page }) => {
    const wave = await createEhpadWave(new Date(Date.now() + 20 * DAY_MS));
    const residence = await memberOf("202");
    const ehpad = await memberOf("500");

    await signInFresh(page, residence.member.id);
    await page.goto(`/vagues/${wave.id}/eligibilite?etablissement=${residence.establishment.id}`);
    await expect(page.getByText("Votre établissement ne peut pas commencer de dossier sur cette vague")).toBeVisible();
    await expect(page.getByText("« Résidence autonomie » (code FINESS 202)")).toBeVisible();
    await expect(page.getByRole("button", { name: "Commencer le dossier" })).toHaveCount(0);
    await expectNoSeriousAccessibilityViolation(page);
    // Nor by a direct request: the server screens again.
    const refused = await page.request.post("/api/applications", {
      data: { waveId: wave.id, establishmentId: residence.establishment.id },
    });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error.message).toContain("Résidence autonomie");
    expect(await e2eDb.application.count({ where: { waveId: wave.id } })).toBe(0);

    await signInFresh(page, ehpad.member.id);
    await page.goto(`/vagues/${wave.id}/eligibilite?etablissement=${ehpad.establishment.id}`);
    await expect(page.getByText("Votre établissement peut déposer un dossier")).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);
    await page.getByRole("button", { name: "Commencer le dossier" }).click();
    await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}$/);
    const applicationId = page.url().split("/").at(-1)!;
    const dossier = await e2eDb.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: { state: true, establishmentId: true, waveVersion: { select: { number: true } } },
    });
    expect(dossier).toEqual({ state: "DRAFT", establishmentId: ehpad.establishment.id, waveVersion: { number: 1 } });

    await page.goto(`/vagues/${wave.id}/eligibilite?etablissement=${ehpad.establishment.id}`);
    await expect(page.getByText("Votre établissement a déjà un dossier pour cette vague")).toBeVisible();
    await expect(page.getByRole("link", { name: "Ouvrir le dossier" })).toHaveAttribute("href", `/dossiers/${applicationId}`);
  });

  test("a programme manager grants an extension from the wave page; the member may start again and reads the e-mail", async ({ page }) => {
    const wave = await createEhpadWave(new Date(Date.now() - DAY_MS));
    const late = await memberOf("500");
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });

    await signInFresh(page, late.member.id);
    await page.goto(`/vagues/${wave.id}/eligibilite?etablissement=${late.establishment.id}`);
    await expect(page.getByText(/Cette vague est close depuis le/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Commencer le dossier" })).toHaveCount(0);

    await signInFresh(page, manager.id);
    await page.goto(`/pilotage/vagues/${wave.id}`);
    const newDeadline = toParisLocal(new Date(Date.now() + 10 * DAY_MS)).slice(0, 10) + "T18:00";
    const extension = page.getByRole("form", { name: "Accorder une prolongation" });
    await waitForHydration(extension.getByLabel("FINESS de l'établissement (ET)"));
    await extension.getByLabel("FINESS de l'établissement (ET)").fill(late.establishment.finessEt);
    await extension.getByLabel("Nouvelle date limite (heure de Paris)").fill(newDeadline);
    await extension.getByLabel("Motif").fill("Panne du système d'information signalée avant la clôture.");
    await extension.getByRole("button", { name: "Accorder la prolongation" }).click();
    await expect(
      page.getByText(
        `Prolongation accordée jusqu'au ${formatParisDateTime(parisDateTime(newDeadline))} (heure de Paris). Les membres de l'établissement en sont informés par courriel.`,
      ),
    ).toBeVisible();
    await expect(page.getByRole("table", { name: "Prolongations accordées" })).toContainText(late.establishment.name);
    await page.goto("/pilotage/courriels");
    await expect(page.getByText(late.member.email).first()).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);

    await signInFresh(page, late.member.id);
    await page.goto(`/vagues/${wave.id}/eligibilite?etablissement=${late.establishment.id}`);
    await expect(page.getByText(/prolongation accordée à votre établissement comprise/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Commencer le dossier" })).toBeVisible();

    await page.goto("/compte/courriels");
    await page.getByText(/^Prolongation accordée jusqu'au/).click();
    await expect(page.getByText("Motif : Panne du système d'information signalée avant la clôture.")).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);
  });

  test("an earlier date asks for a confirmation saying the deadline is shortened; « Retirer » gives the wave's closing back (ADR 0038)", async ({
    page,
  }) => {
    test.slow(); // Two submissions and a withdrawal, each followed by the page's refresh.
    const wave = await createEhpadWave(new Date(Date.now() + 30 * DAY_MS));
    const { establishment } = await memberOf("500");
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    const inDays = (days: number) => parisDateTime(toParisLocal(new Date(Date.now() + days * DAY_MS)).slice(0, 10) + "T18:00");
    const granted = inDays(40);
    const extension = await e2eDb.deadlineExtension.create({
      data: { waveId: wave.id, establishmentId: establishment.id, closesAt: granted, reason: "Incident.", grantedById: manager.id },
      select: { id: true },
    });
    await signInFresh(page, manager.id);
    const errors = watchPageErrors(page);
    await page.goto(`/pilotage/vagues/${wave.id}`);

    const form = page.getByRole("form", { name: "Accorder une prolongation" });
    await waitForHydration(form.getByLabel("FINESS de l'établissement (ET)"));
    await expectNoPageErrors(page, errors);
    const earlier = inDays(35);
    await form.getByLabel("FINESS de l'établissement (ET)").fill(establishment.finessEt);
    await form.getByLabel("Nouvelle date limite (heure de Paris)").fill(toParisLocal(earlier));
    await form.getByLabel("Motif").fill("Erreur de saisie de la date.");
    await expect(
      form.getByText(
        `Le délai de « ${establishment.name} » passera du ${formatParisDateTime(granted)} au ${formatParisDateTime(earlier)} : il sera raccourci.`,
      ),
    ).toBeVisible();

    // Without the box ticked, the server refuses and the date stays.
    await form.getByRole("button", { name: "Accorder la prolongation" }).click();
    await expect(form.locator(".fr-message--error")).toHaveText(/Cochez la case de confirmation pour l'enregistrer\.$/);
    expect((await e2eDb.deadlineExtension.findUniqueOrThrow({ where: { id: extension.id } })).closesAt).toEqual(granted);

    // The box is described by the sentence it confirms, not only placed beside it.
    await expect(form.getByRole("checkbox", { name: "Je confirme raccourcir le délai de cet établissement" })).toHaveAccessibleDescription(
      new RegExp(`passera du ${formatParisDateTime(granted)} au ${formatParisDateTime(earlier)} : il sera raccourci\\.`),
    );
    await form.getByText("Je confirme raccourcir le délai de cet établissement").click();
    await form.getByRole("button", { name: "Accorder la prolongation" }).click();
    const shortened = page.getByText(
      `Prolongation raccourcie au ${formatParisDateTime(earlier)} (heure de Paris). Les membres de l'établissement en sont informés par courriel.`,
    );
    await expect(shortened).toBeVisible();
    expect((await e2eDb.deadlineExtension.findUniqueOrThrow({ where: { id: extension.id } })).closesAt).toEqual(earlier);
    expect(await e2eDb.auditEvent.count({ where: { targetId: extension.id, action: "extension.shortened" } })).toBe(1);
    await expectNoSeriousAccessibilityViolation(page);

    const questions: string[] = [];
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.accept();
    });
    // « d'EHPAD 12 », elided (ofName), as a screen reader reads the button.
    await page.getByRole("button", { name: `Retirer la prolongation ${ofName(establishment.name)}` }).click();
    await expect(
      page.getByText(
        "Prolongation retirée : la clôture de la vague s'applique de nouveau à l'établissement. Les membres de l'établissement en sont informés par courriel.",
      ),
    ).toBeVisible();
    // The shortening's message is gone: only the withdrawal's is said.
    await expect(shortened).toHaveCount(0);
    expect(questions[0]).toContain(`Retirer la prolongation de « ${establishment.name} » ?`);
    expect(questions[0]).toContain("Ses membres en seront informés par courriel.");
    expect(await e2eDb.deadlineExtension.count({ where: { id: extension.id } })).toBe(0);
    expect(await e2eDb.auditEvent.count({ where: { targetId: extension.id, action: "extension.withdrawn" } })).toBe(1);
  });

  test("an establishment with no member yet: granting and withdrawing say nobody is e-mailed, and name the invitation pending", async ({
    page,
  }) => {
    test.slow(); // A submission and a withdrawal, each followed by the page's refresh.
    const wave = await createEhpadWave(new Date(Date.now() + 30 * DAY_MS));
    const establishment = await createEstablishment(e2eDb);
    const invitee = `directrice-${randomUUID().slice(0, 8)}@example.fr`;
    await e2eDb.invitation.create({
      data: {
        tokenHash: randomUUID(),
        email: invitee,
        purpose: "MEMBER",
        establishmentId: establishment.id,
        membershipRole: "DIRECTOR",
        expiresAt: new Date(Date.now() + 5 * DAY_MS),
      },
    });
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInFresh(page, manager.id);
    await page.goto(`/pilotage/vagues/${wave.id}`);

    const form = page.getByRole("form", { name: "Accorder une prolongation" });
    await waitForHydration(form.getByLabel("FINESS de l'établissement (ET)"));
    const newDeadline = toParisLocal(new Date(Date.now() + 40 * DAY_MS)).slice(0, 10) + "T18:00";
    await form.getByLabel("FINESS de l'établissement (ET)").fill(establishment.finessEt);
    // 02:30 on the last Sunday of October happens twice in Paris: refused in the wave form's words.
    const october = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 9, 31));
    october.setUTCDate(31 - october.getUTCDay());
    const closingField = form.getByLabel("Nouvelle date limite (heure de Paris)");
    await closingField.fill(`${october.toISOString().slice(0, 10)}T02:30`);
    await form.getByRole("button", { name: "Accorder la prolongation" }).click();
    await expect(closingField).toHaveAccessibleDescription(/Cette heure existe deux fois à Paris ce jour-là/);
    await closingField.fill(newDeadline);
    await form.getByLabel("Motif").fill("Panne du serveur de l'établissement.");
    await form.getByRole("button", { name: "Accorder la prolongation" }).click();
    await expect(
      page.getByText(
        `Prolongation accordée jusqu'au ${formatParisDateTime(parisDateTime(newDeadline))} (heure de Paris). L'établissement n'a encore aucun membre : personne n'en est informé par courriel. ${invitee}, invité(e) à le rejoindre, verra la nouvelle date limite en acceptant son invitation.`,
      ),
    ).toBeVisible();
    expect(await e2eDb.outboxEmail.count({ where: { to: invitee, dedupeKey: { startsWith: "extension" } } })).toBe(0);

    const questions: string[] = [];
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.accept();
    });
    await page.getByRole("button", { name: `Retirer la prolongation ${ofName(establishment.name)}` }).click();
    await expect(
      page.getByText(
        "Prolongation retirée : la clôture de la vague s'applique de nouveau à l'établissement. L'établissement n'a encore aucun membre : personne n'en est informé par courriel.",
      ),
    ).toBeVisible();
    expect(questions[0]).toContain(
      `personne n'en sera informé par courriel. ${invitee}, invité(e) à le rejoindre, verra la clôture de la vague`,
    );
    await expect(page.getByText(/^Prolongation accordée jusqu'au/)).toHaveCount(0);
  });

  test("settings refreshed on the page by another form after someone else's change still hold the old values: saving them is refused, that change is kept", async ({
    page,
    browser,
  }) => {
    test.slow(); // Two people, two saves and a page refresh.
    const wave = await createEhpadWave(new Date(Date.now() + 30 * DAY_MS));
    const { establishment } = await memberOf("500");
    const alice = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    const bruno = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });

    await signInFresh(page, alice.id);
    await page.goto(`/pilotage/vagues/${wave.id}`);
    const settings = page.getByRole("form", { name: "Paramètres de la vague" });
    await waitForHydration(settings.getByLabel("Titre de la vague"));

    // Bruno, on his own computer, raises the envelope.
    const elsewhere = await browser.newContext();
    await signInAs(elsewhere, bruno.id);
    const brunoPage = await elsewhere.newPage();
    await brunoPage.goto(`/pilotage/vagues/${wave.id}`);
    const brunoSettings = brunoPage.getByRole("form", { name: "Paramètres de la vague" });
    await waitForHydration(brunoSettings.getByLabel("Enveloppe de financement (en euros)"));
    await brunoSettings.getByLabel("Enveloppe de financement (en euros)").fill("1 500 000");
    await brunoSettings.getByRole("button", { name: "Enregistrer les paramètres" }).click();
    await expect(brunoSettings.getByText(/^Paramètres enregistrés\./)).toBeVisible();
    await elsewhere.close();

    // Alice grants an extension: her page refreshes (it now says Bruno's envelope), her settings
    // form stays as she opened it, with the old envelope.
    const extension = page.getByRole("form", { name: "Accorder une prolongation" });
    await extension.getByLabel("FINESS de l'établissement (ET)").fill(establishment.finessEt);
    await extension
      .getByLabel("Nouvelle date limite (heure de Paris)")
      .fill(toParisLocal(new Date(Date.now() + 40 * DAY_MS)).slice(0, 10) + "T18:00");
    await extension.getByLabel("Motif").fill("Panne du système d'information.");
    await extension.getByRole("button", { name: "Accorder la prolongation" }).click();
    await expect(page.getByRole("table", { name: "Prolongations accordées" })).toContainText(establishment.name, { timeout: 30_000 });
    await expect(page.getByText(/enveloppe de 1\s500\s000/)).toBeVisible();
    await expect(settings.getByLabel("Enveloppe de financement (en euros)")).toHaveValue("1 000 000");

    // Her save would put the old envelope back: it is refused, Bruno's envelope stays.
    await settings.getByLabel("Titre de la vague").fill(`${wave.title} (corrigé)`);
    await settings.getByRole("button", { name: "Enregistrer les paramètres" }).click();
    await expect(settings.getByText(/^La vague a été modifiée entre-temps par une autre personne/)).toBeVisible();
    const stored = await e2eDb.wave.findUniqueOrThrow({ where: { id: wave.id }, select: { title: true, fundingEnvelopeCents: true } });
    expect(stored).toEqual({ title: wave.title, fundingEnvelopeCents: 1_500_000_00n });
  });

  test("a manager saves the settings, the grid, then the targets on the same page: each is kept, none is taken for someone else's", async ({
    page,
  }) => {
    test.slow(); // Three saves, each followed by the page's refresh.
    const wave = await createEhpadWave(new Date(Date.now() + 30 * DAY_MS));
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInFresh(page, manager.id);
    await page.goto(`/pilotage/vagues/${wave.id}`);
    const settings = page.getByRole("form", { name: "Paramètres de la vague" });
    await waitForHydration(settings.getByLabel("Titre de la vague"));

    await settings.getByLabel("Titre de la vague").fill(`${wave.title} (corrigé)`);
    await settings.getByRole("button", { name: "Enregistrer les paramètres" }).click();
    await expect(settings.getByText(/^Paramètres enregistrés\./)).toBeVisible();

    const grid = page.getByRole("form", { name: "Objectifs et grille d'évaluation" });
    await grid.getByRole("group", { name: "Critère 2" }).getByLabel("Poids").fill("25");
    await grid.getByRole("button", { name: "Enregistrer les objectifs et la grille" }).click();
    await expect(grid.getByText("Version 2 créée")).toBeVisible();

    const targets = page.getByRole("form", { name: "Cibles et échéancier" });
    await targets.getByLabel("Avance versée à la sélection, en % du montant accordé").fill("35");
    await targets.getByRole("button", { name: "Enregistrer les cibles et l'échéancier" }).click();
    await expect(targets.getByText("Cibles et échéancier enregistrés.")).toBeVisible();

    await expect(page.getByText(/modifiée entre-temps/)).toHaveCount(0);
    const stored = await e2eDb.wave.findUniqueOrThrow({
      where: { id: wave.id },
      select: { title: true, advanceSharePercent: true, versions: { select: { number: true } } },
    });
    expect(stored.title).toBe(`${wave.title} (corrigé)`);
    expect(stored.advanceSharePercent).toBe(35);
    expect(stored.versions).toHaveLength(2);
  });
  test("an objective renamed in the grid stays judged by its criteria; a link left to no objective is a box the manager can untick", async ({
    page,
  }) => {
    const { waveId } = await createOpenWave(e2eDb);
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInFresh(page, manager.id);
    await page.goto(`/pilotage/vagues/${waveId}`);
    const grid = page.getByRole("form", { name: "Objectifs et grille d'évaluation" });
    const code = grid.getByRole("group", { name: "Objectif 2" }).getByLabel("Code");
    await waitForHydration(code);
    const judged = (criterion: string) =>
      grid.getByRole("group", { name: criterion }).getByRole("group", { name: /Objectifs évalués par ce critère/ });

    // While the new code is another objective's, the link waits under the former code, as a ticked box.
    await code.fill("O1");
    const stale = judged("Critère 2").getByRole("checkbox", { name: "O2 (aucun objectif ne porte ce code)" });
    await expect(stale).toBeChecked();
    await code.fill("O5");
    await expect(stale).toHaveCount(0);
    for (const criterion of ["Critère 1", "Critère 2"]) {
      await expect(judged(criterion).getByRole("checkbox", { name: "O5", exact: true })).toBeChecked();
    }
    await expect(judged("Critère 3").getByRole("checkbox", { name: "O5", exact: true })).not.toBeChecked();
    await grid.getByRole("button", { name: "Enregistrer les objectifs et la grille" }).click();
    await expect(grid.getByText("Version 2 créée")).toBeVisible();
    await expect(page.getByText(/objectif qui n'existe plus/)).toHaveCount(0);

    const version = await e2eDb.waveVersion.findFirstOrThrow({
      where: { waveId, number: 2 },
      select: {
        criteria: {
          orderBy: { position: "asc" },
          select: { code: true, objectives: { select: { objective: { select: { code: true } } } } },
        },
      },
    });
    const links = Object.fromEntries(
      version.criteria.map((criterion) => [criterion.code, criterion.objectives.map((link) => link.objective.code).sort()]),
    );
    expect(links).toMatchObject({ C1: ["O1", "O5"], C2: ["O5"] });
  });
});
