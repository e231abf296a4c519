import { canManageApiTokens, hasPermission, verificationTiersOf } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";

export type NavigationLink = { text: string; href: string };
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
        { text: "Campagnes et vagues", href: "/pilotage/campagnes" },
        { text: "Dossiers", href: "/pilotage/dossiers" },
        { text: "Suivi", href: "/pilotage/suivi" },
        { text: "Mes exports", href: "/pilotage/exports" },
        { text: "Utilisateurs de l'ANS", href: "/pilotage/utilisateurs" },
        { text: "Invitations", href: "/pilotage/invitations" },
        { text: "Courriels", href: "/pilotage/courriels" },
        { text: "Journal d'audit", href: "/pilotage/journal" },
        { text: "Tâches de fond", href: "/pilotage/taches" },
        ...(canManageApiTokens(viewer) ? [{ text: "Accès à l'API", href: "/pilotage/api" }] : []),
      ],
    });
  }
  return entries;
}
