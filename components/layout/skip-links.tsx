import { fr } from "@codegouvfr/react-dsfr";

/**
 * The DSFR's skip links (react-dsfr's `SkipLinks` markup), with « Menu » at two addresses. Below the
 * DSFR's `lg` breakpoint, where its header swaps the navigation for a « Menu » button, the
 * navigation is in that button's closed modal and can take no focus: the link shown there leads
 * to the button, which opens it. The ids are the defaults react-dsfr gives the header's parts and
 * the footer.
 */
export function SkipLinks() {
  return (
    <div className={fr.cx("fr-skiplinks")}>
      <nav className={fr.cx("fr-container")} aria-label="Accès rapide">
        <ul className={fr.cx("fr-skiplinks__list")}>
          <li>
            <a className={fr.cx("fr-link")} href="#contenu">
              Contenu
            </a>
          </li>
          <li className={fr.cx("fr-hidden", "fr-unhidden-lg")}>
            <a className={fr.cx("fr-link")} href="#fr-header-main-navigation">
              Menu
            </a>
          </li>
          <li className={fr.cx("fr-hidden-lg")}>
            <a className={fr.cx("fr-link")} href="#fr-header-menu-button">
              Menu
            </a>
          </li>
          <li>
            <a className={fr.cx("fr-link")} href="#fr-footer">
              Pied de page
            </a>
          </li>
        </ul>
      </nav>
    </div>
  );
}
