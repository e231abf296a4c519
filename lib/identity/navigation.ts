import type { MainNavigationProps } from "@codegouvfr/react-dsfr/MainNavigation";

/** The menu everyone sees: the programme and its waves. */
export const PUBLIC_NAVIGATION: MainNavigationProps.Item[] = [
  { text: "Accueil", linkProps: { href: "/" } },
  { text: "Le programme", linkProps: { href: "/#programme" } },
  { text: "Les vagues", linkProps: { href: "/#vagues" } },
];
