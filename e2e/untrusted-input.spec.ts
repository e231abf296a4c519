import { expect, test } from "@playwright/test";
import { e2eDb } from "./fixtures/database";
import { professionalFormInput } from "./fixtures/professional";
import { signInAs } from "./fixtures/sessions";
import { createEstablishment, createUser } from "@/test/factories";

/**
 * What a person or a client can send that the forms would not: the NUL character (PostgreSQL text
 * cannot hold it), filters edited in the address bar, a field of the wrong type, a body far larger
 * than any form. Each gets a page or a French answer, never the 500 page.
 */

test.describe("untrusted input", () => {
  test("a NUL character in a field is dropped; a field of the wrong type, a huge body or JSON for a file is refused in French", async ({
    context,
  }) => {
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    await signInAs(context, director.id);
    const url = `/api/establishments/${establishment.id}/roster/professionals`;
    const name = `NUL-${crypto.randomUUID().slice(0, 6)}`.toUpperCase();

    const saved = await context.request.post(url, { data: professionalFormInput(`${name}\u0000`) });
    expect(saved.status()).toBe(200);
    expect(await e2eDb.professional.count({ where: { establishmentId: establishment.id, lastName: name } })).toBe(1);

    const wrongType = await context.request.post(url, { data: { ...professionalFormInput(`${name}-B`), needsDmp: "oui" } });
    expect(wrongType.status()).toBe(422);
    const { error } = await wrongType.json();
    expect(error.fieldErrors.needsDmp).toEqual(["Valeur invalide : il faut true ou false."]);

    const huge = await context.request.post(url, { data: { ...professionalFormInput(`${name}-C`), padding: "x".repeat(3 * 1024 * 1024) } });
    expect(huge.status()).toBe(413);
    expect((await huge.json()).error.message).toBe("La requête est trop volumineuse.");
    expect(await e2eDb.professional.count({ where: { establishmentId: establishment.id } })).toBe(1);

    // JSON sent where a file is expected is told so, not that an upload failed.
    const notAForm = await context.request.post(`/api/establishments/${establishment.id}/roster/imports`, {
      data: { file: "registre.csv" },
    });
    expect(notAForm.status()).toBe(422);
    expect((await notAForm.json()).error.message).toBe(
      "La requête n'est pas au format attendu : un formulaire avec ses fichiers (multipart/form-data).",
    );
  });

  test("a list's filters edited in the address bar show the list, leaving out what they cannot mean", async ({ page, context }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);
    for (const [url, heading] of [
      ["/pilotage/dossiers?search=%00", "Dossiers"],
      [`/pilotage/dossiers?search=${"x".repeat(101)}`, "Dossiers"],
      ["/pilotage/journal?from=abc&actor=%00", "Journal d'audit"],
      [`/pilotage/journal?actor=${"x".repeat(201)}&to=99999-01-01`, "Journal d'audit"],
    ] as const) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.getByRole("heading", { level: 1 }), url).toContainText(heading);
    }
  });

  test("a page number past a list's end says so under its count, and leads back to the first page with the filters kept", async ({
    page,
    context,
  }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);
    await page.goto(`/pilotage/utilisateurs?search=${encodeURIComponent(manager.email)}&page=99`);
    await expect(page.getByRole("status")).toHaveText("1 compte");
    await expect(page.getByText("Cette page est au-delà de la fin de la liste.")).toBeVisible();
    await expect(page.getByText("Aucun compte ne correspond à ces filtres.")).toHaveCount(0);
    await page.getByRole("link", { name: "Revenir à la première page" }).click();
    await expect(
      page.getByRole("table", { name: "Comptes des agents" }).getByRole("cell", { name: new RegExp(manager.email) }),
    ).toBeVisible();
    await expect(page).toHaveURL(/page=1/);
  });

  test("a filter's field takes no more than its list reads, so a long search is never left out unsaid", async ({ page, context }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER" });
    await signInAs(context, manager.id);
    for (const [url, label, length] of [
      ["/pilotage/dossiers", "Établissement, FINESS ou référence", 100],
      ["/pilotage/journal", "Auteur (adresse)", 200],
      ["/pilotage/journal", "Cible (identifiant ou référence du dossier)", 200],
    ] as const) {
      await page.goto(url);
      const field = page.getByLabel(label);
      await field.click();
      await page.keyboard.insertText("x".repeat(length + 20));
      await expect(field, label).toHaveValue("x".repeat(length));
    }
  });
});
