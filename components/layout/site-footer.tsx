import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { BRAND_TOP, HOME_LINK } from "./brand";

export function SiteFooter() {
  return (
    <Footer
      brandTop={BRAND_TOP}
      homeLinkProps={HOME_LINK}
      accessibility="partially compliant"
      contentDescription="HospiConnect accompagne les établissements de santé et les établissements et services sociaux et médico-sociaux dans la sécurisation et la simplification de l'identification électronique de leurs professionnels. Service opéré par l'Agence du Numérique en Santé."
      bottomItems={[
        { text: "Agence du Numérique en Santé", linkProps: { href: "https://esante.gouv.fr", target: "_blank", rel: "noopener" } },
      ]}
    />
  );
}
