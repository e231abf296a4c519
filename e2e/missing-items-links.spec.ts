import { expect, type Page, test } from "@playwright/test";
import { e2eDb } from "./fixtures/database";
import { signInAs } from "./fixtures/sessions";
import { createDraft, createEstablishment, createOpenWave, createUser } from "@/test/factories";

/**
 * « Avant de déposer, complétez : … » links to each place of the form. Once there, the place's
 * label (a field's <label>, a group's <legend>, a section's heading) is on screen and nothing
 * covers it: a person who sees an empty field without its label does not know what to type
 * (WCAG 1.3.1, 2.4.3; reflow at 320 px, WCAG 1.4.10).
 */

/** The words that name the place a fragment leads to, as the person sees them. */
async function labelOfTarget(page: Page, anchor: string) {
  return page.evaluate((id) => {
    const target = document.getElementById(id);
    if (!target) return null;
    const element = target.matches("input, select, textarea")
      ? (document.querySelector(`label[for="${id}"]`) ?? target.closest("fieldset")?.querySelector("legend"))
      : target.matches("fieldset")
        ? target.querySelector("legend")
        : target;
    if (!element) return null;
    const box = element.getBoundingClientRect();
    // What is drawn at the middle of its first line: the label itself, or what covers it.
    const probe = document.elementFromPoint(box.left + Math.min(box.width / 2, 40), box.top + Math.min(box.height / 2, 8));
    return {
      text: element.textContent?.trim().slice(0, 60) ?? "",
      top: box.top,
      bottom: box.top + Math.min(box.height, 24),
      viewport: window.innerHeight,
      uncovered: probe !== null && (element === probe || element.contains(probe)),
    };
  }, anchor);
}

for (const viewport of [
  { width: 320, height: 568 },
  { width: 1280, height: 800 },
]) {
  test(`at ${viewport.width} px, each « ce qui manque » link shows its place's label`, async ({ page, context }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    const establishment = await createEstablishment(e2eDb);
    const director = await createUser(e2eDb, { establishmentId: establishment.id });
    const { id } = await createDraft(e2eDb, establishment.id, await createOpenWave(e2eDb));
    await signInAs(context, director.id);

    await page.goto(`/dossiers/${id}`);
    const links = page.getByTestId("missing-items").getByRole("link");
    const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")!));
    expect(hrefs.length).toBeGreaterThan(3);
    const seen = new Set<string>();
    for (const href of hrefs) {
      const anchor = href.split("#")[1]!;
      // One link per kind of place is enough: a field, a group, a section.
      const kind = anchor.replace(/-\d+-/, "-n-");
      if (seen.has(kind)) continue;
      seen.add(kind);
      await page.goto(`/dossiers/${id}`);
      await page.getByTestId("missing-items").locator(`a[href="${href}"]`).click();
      await expect(page).toHaveURL(new RegExp(`#${anchor}$`));
      // The place's control (or heading) has the focus once the form is ready.
      await expect.poll(() => page.evaluate(() => document.activeElement !== document.body)).toBe(true);
      const label = await labelOfTarget(page, anchor);
      expect(label, `#${anchor}`).not.toBeNull();
      expect(label!.top, `the label « ${label!.text} » of #${anchor} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(label!.bottom, `the label « ${label!.text} » of #${anchor} is on screen`).toBeLessThanOrEqual(label!.viewport);
      expect(label!.uncovered, `the label « ${label!.text} » of #${anchor} is not covered`).toBe(true);
    }
  });
}
