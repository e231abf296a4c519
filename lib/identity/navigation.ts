import type { MainNavigationProps } from "@codegouvfr/react-dsfr/MainNavigation";
import { hasPermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";

type Link = { text: string; href: string };

const PUBLIC_LINKS: Link[] = [
  { text: "Accueil", href: "/" },
  { text: "Le programme", href: "/#programme" },
  { text: "Les vagues", href: "/#vagues" },
];

/** The main menu: the programme for everyone, then what each role works on (asked to the access policy). */
export function navigationFor(viewer: Viewer | null, currentPath: string): MainNavigationProps.Item[] {
  const links: Link[] = viewer ? [{ text: "Accueil", href: "/" }] : [...PUBLIC_LINKS];
  if (viewer && viewer.memberships.length > 0) links.push({ text: "Mes établissements", href: "/etablissements" });
  if (viewer && hasPermission(viewer, "review:assigned")) links.push({ text: "Dossiers à instruire", href: "/instruction" });
  const items: MainNavigationProps.Item[] = links.map((link) => ({
    text: link.text,
    linkProps: { href: link.href },
    isActive: link.href === "/" ? currentPath === "/" : currentPath.startsWith(link.href),
  }));
  if (viewer && hasPermission(viewer, "programme:configure")) {
    const programmeLinks: Link[] = [
      { text: "Campagnes et vagues", href: "/pilotage/campagnes" },
      { text: "Utilisateurs de l'ANS", href: "/pilotage/utilisateurs" },
      { text: "Invitations", href: "/pilotage/invitations" },
      { text: "Journal d'audit", href: "/pilotage/journal" },
      { text: "Courriels", href: "/pilotage/courriels" },
    ];
    items.push({
      text: "Pilotage",
      isActive: currentPath.startsWith("/pilotage"),
      menuLinks: programmeLinks.map((link) => ({ text: link.text, linkProps: { href: link.href }, isActive: currentPath.startsWith(link.href) })),
    });
  }
  return items;
}
