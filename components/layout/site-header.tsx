"use client";

import { Header, type HeaderProps } from "@codegouvfr/react-dsfr/Header";
import type { MainNavigationProps } from "@codegouvfr/react-dsfr/MainNavigation";
import { usePathname } from "next/navigation";
import { currentNavigationHref, type NavigationEntry } from "@/lib/identity/navigation";
import { BRAND_TOP, HOME_LINK } from "./brand";

/** The DSFR header; the current menu entry follows client-side navigation. */
export function SiteHeader({
  navigation,
  quickAccessItems = [],
}: {
  navigation: NavigationEntry[];
  quickAccessItems?: HeaderProps["quickAccessItems"];
}) {
  const current = currentNavigationHref(navigation, usePathname());
  const items: MainNavigationProps.Item[] = navigation.map((entry) =>
    "links" in entry
      ? {
          text: entry.text,
          isActive: entry.links.some((link) => link.href === current),
          menuLinks: entry.links.map((link) => ({
            text: link.text,
            linkProps: { href: link.href },
            isActive: link.href === current,
          })),
        }
      : { text: entry.text, linkProps: { href: entry.href }, isActive: entry.href === current },
  );
  return (
    <Header
      brandTop={BRAND_TOP}
      homeLinkProps={HOME_LINK}
      serviceTitle="HospiConnect"
      serviceTagline="Appels à projets – Agence du Numérique en Santé"
      navigation={items}
      quickAccessItems={quickAccessItems}
    />
  );
}
