import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { e2eDb } from "./fixtures/database";
import { E2E_BASE_URL } from "./fixtures/environment";
import { expectNoPageErrors, watchPageErrors } from "./fixtures/page-errors";
import { signInAs } from "./fixtures/sessions";
import { createDemoSignInLinks } from "@/lib/identity/demo-sign-in";

/**
 * Every link a person can follow leads somewhere: starting from the site map, each role of the demo
 * follows the links of every page it reaches, and each one answers 200 without sending a signed-in
 * person back to the sign-in page. Pages built from data (a dossier, an establishment) are visited
 * once per shape of address, so that the walk stays bounded on the demo's hundreds of dossiers.
 */

/** An id in a path (the app's ids are UUIDs; FINESS, RPPS and the like are digits). */
const ID_SEGMENT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{6,})$/i;
/** Followed by nobody: the sign-in machinery, whose GETs only redirect to the provider. */
const NOT_FOLLOWED = /^\/api\/auth\//;
const MAX_VISITS = 250;

/** Two addresses of the same page for different records, or sorted and paged differently, have one shape. */
function shapeOf(url: URL): string {
  const path = url.pathname
    .split("/")
    .map((segment) => (ID_SEGMENT.test(segment) ? ":id" : segment))
    .join("/");
  return `${path}?${[...new Set(url.searchParams.keys())].sort().join("&")}`;
}

/**
 * The app links to its pages by path. An absolute address is one written in an e-mail, which the
 * outbox shows without SMTP: the recipient's link (an assignment, an invitation), not the reader's.
 */
function linksOf(html: string, base: URL): URL[] {
  return [...html.matchAll(/<a\s[^>]*?href="([^"]+)"/g)]
    .map((match) => match[1]!.replaceAll("&amp;", "&"))
    .filter((href) => !/^[a-z]+:/i.test(href))
    .map((href) => new URL(href, base))
    .filter((url) => url.origin === base.origin);
}

type Visit = { from: string; url: string; status: number; landedOn: string; page: boolean };

/** Walks the links from the site map, breadth first; answers every visit made. */
async function walk(request: APIRequestContext): Promise<Visit[]> {
  const start = new URL("/plan-du-site", E2E_BASE_URL);
  const queue: { url: URL; from: string }[] = [{ url: start, from: "(départ)" }];
  const seen = new Set([shapeOf(start)]);
  const visits: Visit[] = [];
  while (queue.length > 0 && visits.length < MAX_VISITS) {
    const { url, from } = queue.shift()!;
    const response = await request.get(url.pathname + url.search);
    const landedOn = new URL(response.url()).pathname;
    const page = (response.headers()["content-type"] ?? "").startsWith("text/html");
    visits.push({ from, url: url.pathname + url.search, status: response.status(), landedOn, page });
    if (!response.ok() || !page) continue;
    for (const link of linksOf(await response.text(), url)) {
      const shape = shapeOf(link);
      if (seen.has(shape) || NOT_FOLLOWED.test(link.pathname)) continue;
      seen.add(shape);
      queue.push({ url: link, from: url.pathname + url.search });
    }
  }
  expect(visits.length, "the walk ends before its bound").toBeLessThan(MAX_VISITS);
  return visits;
}

/**
 * The page's title, its main heading (a badge in it, a state or a status, left out), the menu
 * links marked as the current page, the headings of the content that skip a level (an h3
 * right under the h1: RGAA 9.1, the outline a screen reader lists), and the references to ids that
 * no element has (a field described by a message that is not there, a label for no field), and the
 * buttons of a DSFR group that the DSFR shows as a bare icon, their text cut off (a button with an
 * `fr-icon-*` class in a group without an `fr-btns-group--icon-left` or `--icon-right` modifier).
 */
function pageOutline(): {
  title: string;
  heading: string;
  currentInMenu: string[];
  skippedLevels: string[];
  danglingReferences: string[];
  iconOnlyButtons: string[];
} {
  const danglingReferences: string[] = [];
  for (const attribute of ["aria-describedby", "aria-labelledby", "aria-controls", "for"]) {
    for (const element of document.querySelectorAll(`[${attribute}]`)) {
      for (const id of element.getAttribute(attribute)!.split(/\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) danglingReferences.push(`${element.tagName.toLowerCase()}[${attribute}=${id}]`);
      }
    }
  }
  const currentInMenu = [...document.querySelectorAll("#fr-header-main-navigation [aria-current=page]")].map((link) => link.textContent);
  const skippedLevels: string[] = [];
  let level = 0;
  for (const element of document.querySelectorAll("main :is(h1, h2, h3, h4, h5, h6)")) {
    const next = Number(element.tagName[1]);
    if (next > level + 1) skippedLevels.push(`h${level} → h${next} « ${element.textContent.trim().slice(0, 60)} »`);
    level = next;
  }
  // The DSFR's own selector for the buttons it reduces to their icon (the header styles its own group).
  const iconOnlyButtons = [
    ...document.querySelectorAll(
      "main .fr-btns-group:not([class^=fr-btns-group--icon-]):not([class*=' fr-btns-group--icon-']) .fr-btn:is([class^=fr-icon-], [class*=' fr-icon-'], [class^=fr-fi-], [class*=' fr-fi-'])",
    ),
  ].map((button) => `« ${button.textContent.replace(/\s+/g, " ").trim()} »`);
  const heading = document.querySelector("main h1")?.cloneNode(true);
  const text = heading instanceof HTMLElement ? withoutBadges(heading).textContent.replace(/\s+/g, " ").trim() : "";
  return { title: document.title, heading: text, currentInMenu, skippedLevels, danglingReferences, iconOnlyButtons };

  function withoutBadges(element: HTMLElement): HTMLElement {
    for (const badge of element.querySelectorAll(".fr-badge")) badge.remove();
    return element;
  }
}

/**
 * Opens each page the walk reached in the browser and expects React to hydrate it without an
 * uncaught error (a hydration mismatch, React #418, re-renders the page and resets fields and focus),
 * and its title to say which page it is (RGAA 8.6): the title opens with the start of the page's
 * main heading, so that a dossier's sections, or two establishments, are told apart in the
 * browser's tabs and history, and by a screen reader on arrival. The menu marks at most one link as
 * the current page (a screen reader announces each one so), the content's headings go down one
 * level at a time, and every id a field, a label or a control refers to is on the page (RGAA 11.1,
 * 11.10: a description that is not there is not read).
 */
async function expectEveryPageHydratesWithItsTitle(page: Page, visits: readonly Visit[]): Promise<void> {
  const errors = watchPageErrors(page);
  const misnamed: string[] = [];
  const marked: string[] = [];
  const skipping: string[] = [];
  const dangling: string[] = [];
  const iconOnly: string[] = [];
  for (const visit of visits.filter((candidate) => candidate.page)) {
    await page.goto(visit.url);
    await expectNoPageErrors(page, errors);
    // A dynamic page's title is streamed after its first bytes.
    await expect(page).toHaveTitle(/HospiConnect/);
    const { title, heading, currentInMenu, skippedLevels, danglingReferences, iconOnlyButtons } = await page.evaluate(pageOutline);
    if (!heading.startsWith(title.split(" – ")[0]!)) misnamed.push(`${visit.url}: « ${title} » for « ${heading} »`);
    if (currentInMenu.length > 1) marked.push(`${visit.url}: ${currentInMenu.join(", ")}`);
    if (skippedLevels.length > 0) skipping.push(`${visit.url}: ${skippedLevels.join(" ; ")}`);
    if (danglingReferences.length > 0) dangling.push(`${visit.url}: ${danglingReferences.join(", ")}`);
    if (iconOnlyButtons.length > 0) iconOnly.push(`${visit.url}: ${iconOnlyButtons.join(", ")}`);
  }
  expect(misnamed).toEqual([]);
  expect(marked, "pages whose menu marks several links as the current page").toEqual([]);
  expect(skipping, "pages whose headings skip a level").toEqual([]);
  expect(dangling, "pages that refer to ids no element has").toEqual([]);
  expect(iconOnly, "pages whose buttons show only their icon, their text cut off (WCAG 2.4.6, 2.5.3)").toEqual([]);
}

const broken = (visits: Visit[], signedIn: boolean) =>
  visits.filter((visit) => visit.status !== 200 || (signedIn && visit.landedOn === "/connexion" && !visit.url.startsWith("/connexion")));

test.describe("links", () => {
  // A walk is two visits of each page it reaches (one request, one browser load): the manager's
  // reaches about 70 pages, some 90 s in CI, where the system tests share the machine's two cores.
  test.describe.configure({ timeout: 240_000 });

  test("every link a visitor can follow answers, and each page hydrates without an error and names itself in its title", async ({
    page,
    request,
  }) => {
    const visits = await walk(request);
    expect(visits.map((visit) => visit.url)).toEqual(expect.arrayContaining(["/", "/accessibilite", "/connexion"]));
    expect(broken(visits, false)).toEqual([]);
    await expectEveryPageHydratesWithItsTitle(page, visits);
  });

  for (const role of ["Direction d'établissement", "Instruction (ANS)", "Instruction régionale (ARS)", "Pilotage du programme (ANS)"]) {
    test(`every link « ${role} » can follow answers, and each page hydrates without an error and names itself in its title`, async ({
      context,
      page,
    }) => {
      const demo = (await createDemoSignInLinks(e2eDb, E2E_BASE_URL)).find((link) => link.role === role);
      const user = await e2eDb.user.findUniqueOrThrow({ where: { email: demo!.email }, select: { id: true } });
      await signInAs(context, user.id);
      const visits = await walk(context.request);
      expect(visits.length, "pages beyond the site map are reached").toBeGreaterThan(10);
      expect(broken(visits, true)).toEqual([]);
      await expectEveryPageHydratesWithItsTitle(page, visits);
    });
  }
});
