import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/viewer";
import { testViewer as viewer } from "@/lib/access/viewer.test-helpers";
import { currentNavigationHref, type NavigationLink, navigationFor, siteMapFor } from "./navigation";

const director = viewer({ memberships: [{ establishmentId: "e", role: "DIRECTOR" }] });
const reviewer = viewer({ staffRole: "REVIEWER" });
const manager = viewer({ staffRole: "PROGRAMME_MANAGER" });

const menuLinks = (who: Viewer | null): NavigationLink[] =>
  navigationFor(who).flatMap((entry) => ("links" in entry ? entry.links : [entry]));
const mapLinks = (who: Viewer | null): NavigationLink[] => siteMapFor(who).flatMap((section) => section.links);

describe("siteMapFor", () => {
  it.each([
    ["a visitor", null],
    ["a director", director],
    ["a reviewer", reviewer],
    ["a programme manager", manager],
  ])("lists every page of %s's menu once, and the information pages", (_, who) => {
    const hrefs = mapLinks(who).map((link) => link.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    expect(hrefs).toEqual(expect.arrayContaining(menuLinks(who).map((link) => link.href)));
    expect(hrefs).toEqual(expect.arrayContaining(["/documentation-api", "/accessibilite", "/plan-du-site"]));
  });

  it("offers a visitor the sign-in page and nothing of a role", () => {
    expect(siteMapFor(null).find((section) => section.title === "Votre espace")?.links).toEqual([
      { text: "Se connecter", href: "/connexion" },
    ]);
    expect(mapLinks(null).some((link) => link.href.startsWith("/pilotage") || link.href.startsWith("/instruction"))).toBe(false);
  });

  it("gives the manager's « Pilotage » menu its own section, and a signed-in person their account", () => {
    const sections = siteMapFor(manager);
    expect(sections.map((section) => section.title)).toEqual(["Le programme", "Votre espace", "Pilotage", "Informations"]);
    expect(sections.find((section) => section.title === "Pilotage")?.links).toContainEqual({
      text: "Journal d'audit",
      href: "/pilotage/journal",
    });
    expect(sections.find((section) => section.title === "Votre espace")?.links).toEqual([
      { text: "Résultats à vérifier", href: "/instruction/suivi" },
      { text: "Mon compte", href: "/compte" },
    ]);
  });

  it("lists a director's establishments and no programme page", () => {
    expect(siteMapFor(director).find((section) => section.title === "Votre espace")?.links).toEqual([
      { text: "Mes établissements", href: "/etablissements" },
      { text: "Mon compte", href: "/compte" },
    ]);
    expect(mapLinks(director).some((link) => link.href.startsWith("/pilotage"))).toBe(false);
  });
});

describe("currentNavigationHref", () => {
  const ars = viewer({ staffRole: "REGIONAL_REVIEWER", regionCodes: ["11"] });

  it.each([
    [manager, "/pilotage", "/pilotage"],
    [manager, "/pilotage/dossiers", "/pilotage/dossiers"],
    [manager, "/pilotage/utilisateurs/0190", "/pilotage/utilisateurs"],
    [manager, "/pilotage/campagnes/0190/nouvelle-vague", "/pilotage/campagnes"],
    [manager, "/pilotage/vagues/0190/decisions", "/pilotage/campagnes"],
    [manager, "/", "/"],
    [director, "/etablissements/0190/professionnels", "/etablissements"],
    [ars, "/instruction", "/instruction"],
    [ars, "/instruction/0190", "/instruction"],
    [ars, "/instruction/suivi/0190", "/instruction/suivi"],
  ] as const)("marks one link on the page %#: %s", (who, pathname, expected) => {
    expect(currentNavigationHref(navigationFor(who), pathname)).toBe(expected);
  });

  it("marks nothing where no menu link leads, and no anchor", () => {
    expect(currentNavigationHref(navigationFor(director), "/dossiers/0190")).toBeUndefined();
    expect(currentNavigationHref(navigationFor(manager), "/pilotage-ancien")).toBeUndefined();
    expect(currentNavigationHref(navigationFor(null), "/connexion")).toBeUndefined();
  });
});
