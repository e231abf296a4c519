import type { Route } from "next";
import { canManageApiTokens, hasPermission, verificationTiersOf } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";

/**
 * `Route`: a link to a page that does not exist fails the type check. `section`: the paths of the
 * pages reached from this one that live elsewhere (a wave's pages, from « Campagnes et vagues »).
 */
export type NavigationLink = { text: string; href: Route; section?: readonly string[] };
export type NavigationEntry = NavigationLink | { text: string; links: NavigationLink[] };

const PUBLIC_LINKS: NavigationLink[] = [
  { text: "Accueil", href: "/" },
  { text: "Le programme", href: "/#programme" },
  { text: "Les vagues", href: "/#vagues" },
];

/** The main menu: the programme for everyone, then what each role works on (asked to the access policy). */
export function navigationFor(viewer: Viewer | null): NavigationEntry[] {
  if (!viewer) return PUBLIC_LINKS;
  const entries: NavigationEntry[] = [{ text: "Accueil", href: "/" }];
  if (viewer.memberships.length > 0) entries.push({ text: "Mes établissements", href: "/etablissements" });
  if (hasPermission(viewer, "review:assigned")) entries.push({ text: "Dossiers à instruire", href: "/instruction" });
  if (verificationTiersOf(viewer).length > 0) entries.push({ text: "Résultats à vérifier", href: "/instruction/suivi" });
  if (hasPermission(viewer, "programme:configure")) {
    entries.push({
      text: "Pilotage",
      links: [
        { text: "Tableau de bord", href: "/pilotage" },
        { text: "Campagnes et vagues", href: "/pilotage/campagnes", section: ["/pilotage/vagues"] },
        { text: "Établissements", href: "/pilotage/etablissements" },
        { text: "Dossiers", href: "/pilotage/dossiers" },
        { text: "Suivi", href: "/pilotage/suivi" },
        { text: "Mes exports", href: "/pilotage/exports" },
        { text: "Utilisateurs de l'ANS", href: "/pilotage/utilisateurs" },
        { text: "Invitations", href: "/pilotage/invitations" },
        { text: "Courriels", href: "/pilotage/courriels" },
        { text: "Journal d'audit", href: "/pilotage/journal" },
        { text: "Tâches de fond", href: "/pilotage/taches" },
        ...(canManageApiTokens(viewer) ? [{ text: "Accès à l'API", href: "/pilotage/api" } as const] : []),
      ],
    });
  }
  return entries;
}

/** Whether the page at `pathname` is `base` or one below it, segment by segment; `/` is only the home page. */
const holds = (base: string, pathname: string) => (base === "/" ? pathname === "/" : pathname === base || pathname.startsWith(`${base}/`));

/**
 * The one menu link to mark as the current page (`aria-current="page"`): the link whose page, or
 * section, holds `pathname` most closely, so that a wave's board marks « Campagnes et vagues » and
 * not also « Tableau de bord » above it. Anchors (« Le programme ») are never current.
 */
export function currentNavigationHref(entries: readonly NavigationEntry[], pathname: string): Route | undefined {
  let current: { href: Route; base: string } | undefined;
  for (const link of entries.flatMap((entry) => ("links" in entry ? entry.links : [entry]))) {
    if (link.href.includes("#")) continue;
    for (const base of [link.href, ...(link.section ?? [])])
      if (holds(base, pathname) && base.length > (current?.base.length ?? 0)) current = { href: link.href, base };
  }
  return current?.href;
}

export type SiteMapSection = { title: string; links: NavigationLink[] };

/** Pages every visitor may read, whatever their role; the footer links to each of them. */
const INFORMATION_LINKS: NavigationLink[] = [
  { text: "Documentation de l'API publique", href: "/documentation-api" },
  { text: "Déclaration d'accessibilité", href: "/accessibilite" },
  { text: "Données personnelles", href: "/donnees-personnelles" },
  { text: "Gestion des cookies", href: "/gestion-des-cookies" },
  { text: "Plan du site", href: "/plan-du-site" },
];

/**
 * The site map (RGAA 12.1: a second way to find a page beside the menu): the menu the person has,
 * each of its groups as a section, then their account and the information pages.
 */
export function siteMapFor(viewer: Viewer | null): SiteMapSection[] {
  const ownLinks: NavigationLink[] = [];
  const groups: SiteMapSection[] = [];
  for (const entry of navigationFor(viewer)) {
    if ("links" in entry) groups.push({ title: entry.text, links: entry.links });
    else if (!PUBLIC_LINKS.some((link) => link.href === entry.href)) ownLinks.push(entry);
  }
  ownLinks.push(viewer ? { text: "Mon compte", href: "/compte" } : { text: "Se connecter", href: "/connexion" });
  return [
    { title: "Le programme", links: PUBLIC_LINKS },
    { title: "Votre espace", links: ownLinks },
    ...groups,
    { title: "Informations", links: INFORMATION_LINKS },
  ];
}
