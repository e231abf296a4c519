import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page non trouvée" };

export default function NotFound() {
  return (
    <div className={fr.cx("fr-my-7w", "fr-mt-md-12w", "fr-mb-md-10w")}>
      <h1>Page non trouvée</h1>
      <p className={fr.cx("fr-text--sm", "fr-mb-3w")}>Erreur 404</p>
      <p className={fr.cx("fr-text--lead", "fr-mb-3w")}>
        La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.
      </p>
      <p className={fr.cx("fr-text--sm", "fr-mb-5w")}>
        Si vous avez tapé l&apos;adresse web dans le navigateur, vérifiez qu&apos;elle est correcte. La page n&apos;est peut-être plus
        disponible, ou vous n&apos;avez pas accès à ce contenu.
      </p>
      <Link className={fr.cx("fr-btn")} href="/">
        Page d&apos;accueil
      </Link>
    </div>
  );
}
