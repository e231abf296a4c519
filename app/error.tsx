"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className={fr.cx("fr-my-7w", "fr-mt-md-12w", "fr-mb-md-10w")}>
      <h1>Erreur inattendue</h1>
      <p className={fr.cx("fr-text--sm", "fr-mb-3w")}>Erreur 500</p>
      <p className={fr.cx("fr-text--lead", "fr-mb-3w")}>
        Désolé, le service rencontre un problème. Nous travaillons à le résoudre le plus rapidement possible.
      </p>
      <p className={fr.cx("fr-text--sm", "fr-mb-5w")}>
        Essayez de rafraîchir la page ou réessayez un peu plus tard.
        {error.digest ? ` Référence de l'incident : ${error.digest}.` : null}
      </p>
      <Button onClick={reset}>Réessayer</Button>
    </div>
  );
}
