import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { DsfrHead, getHtmlAttributes } from "@/components/dsfr/head";
import { DsfrProvider } from "@/components/dsfr/provider";
import { SiteFooter } from "@/components/layout/site-footer";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLinks } from "@/components/layout/skip-links";
import { getViewer } from "@/lib/identity/current-viewer";
import { navigationFor } from "@/lib/identity/navigation";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "HospiConnect – Appels à projets", template: "%s – HospiConnect" },
  description:
    "Candidater aux appels à projets HospiConnect : identification électronique sécurisée des professionnels des établissements sanitaires, sociaux et médico-sociaux.",
  // The DSFR's favicon set, served from public/favicon as the design system lays it out.
  icons: {
    icon: [
      { url: "/favicon/favicon.svg", type: "image/svg+xml" },
      { url: "/favicon/favicon.ico", type: "image/x-icon", sizes: "32x32" },
    ],
    apple: { url: "/favicon/apple-touch-icon.png", sizes: "180x180" },
  },
  manifest: "/favicon/manifest.webmanifest",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const requestHeaders = await headers();
  const nonce = requestHeaders.get("x-nonce") ?? undefined;
  const viewer = await getViewer();
  const lang = "fr";
  return (
    <html {...getHtmlAttributes({ lang })}>
      <head>
        <DsfrHead nonce={nonce} preloadFonts={["Marianne-Regular", "Marianne-Medium", "Marianne-Bold"]} doDisableFavicon />
      </head>
      <body>
        <DsfrProvider lang={lang} doCheckNonce={nonce !== undefined}>
          <SkipLinks />
          <SiteHeader
            navigation={navigationFor(viewer)}
            quickAccessItems={
              viewer
                ? [
                    { iconId: "fr-icon-account-circle-line", text: viewer.displayName, linkProps: { href: "/compte" } },
                    <SignOutButton key="sign-out" />,
                  ]
                : [{ iconId: "fr-icon-lock-line", text: "Se connecter", linkProps: { href: "/connexion" } }]
            }
          />
          <main id="contenu" tabIndex={-1} className="fr-container fr-py-6w">
            {children}
          </main>
          <SiteFooter />
        </DsfrProvider>
      </body>
    </html>
  );
}
