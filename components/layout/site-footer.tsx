import { headerFooterDisplayItem } from "@codegouvfr/react-dsfr/Display";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { BRAND_TOP, HOME_LINK } from "./brand";
import { ThemeModalKeyboard } from "./theme-modal-keyboard";

export function SiteFooter() {
  return (
    <>
      <Footer
        brandTop={BRAND_TOP}
        homeLinkProps={HOME_LINK}
        // No audit yet: the RGAA has the service declared non-compliant until one (see the statement).
        accessibility="non compliant"
        accessibilityLinkProps={{ href: "/accessibilite" }}
        websiteMapLinkProps={{ href: "/plan-du-site" }}
        contentDescription="HospiConnect accompagne les établissements de santé et les établissements et services sociaux et médico-sociaux dans la sécurisation et la simplification de l'identification électronique de leurs professionnels. Service opéré par l'Agence du Numérique en Santé."
        bottomItems={[
          // react-dsfr 1.33 has no props for these two DSFR links: bottom items, in the DSFR's order.
          { text: "Données personnelles", linkProps: { href: "/donnees-personnelles" } },
          { text: "Gestion des cookies", linkProps: { href: "/gestion-des-cookies" } },
          // The DSFR's « Paramètres d'affichage »: the header renders its modal, this button opens it.
          // Our own text: react-dsfr's translates through a hook a server component cannot call.
          { ...headerFooterDisplayItem, text: "Paramètres d'affichage" },
          {
            text: "Agence du Numérique en Santé",
            // RGAA 13.2: a link that opens a new window says so.
            linkProps: {
              href: "https://esante.gouv.fr",
              target: "_blank",
              rel: "noopener",
              title: "Agence du Numérique en Santé - nouvelle fenêtre",
            },
          },
        ]}
      />
      <ThemeModalKeyboard />
    </>
  );
}
