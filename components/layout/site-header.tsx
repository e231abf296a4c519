import { Header, type HeaderProps } from "@codegouvfr/react-dsfr/Header";
import type { MainNavigationProps } from "@codegouvfr/react-dsfr/MainNavigation";

export const BRAND_TOP = (
  <>
    République
    <br />
    Française
  </>
);

export const HOME_LINK = { href: "/", title: "Accueil – HospiConnect, appels à projets" } as const;

export function SiteHeader({
  navigation,
  quickAccessItems = [],
}: {
  navigation: MainNavigationProps.Item[];
  quickAccessItems?: HeaderProps["quickAccessItems"];
}) {
  return (
    <Header
      brandTop={BRAND_TOP}
      homeLinkProps={HOME_LINK}
      serviceTitle="HospiConnect"
      serviceTagline="Appels à projets – Agence du Numérique en Santé"
      navigation={navigation}
      quickAccessItems={quickAccessItems}
    />
  );
}
