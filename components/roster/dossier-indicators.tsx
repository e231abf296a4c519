import { fr } from "@codegouvfr/react-dsfr";
import Link from "next/link";
import type { DossierIndicators } from "@/lib/roster/get-dossier-indicators";
import { formatParisDateTime } from "@/lib/time/paris";
import { IndicatorFigures } from "./indicator-figures";

/** The roster's figures inside a dossier: frozen at submission, or live with a word on when they freeze. */
export function DossierIndicatorsSection({ figures }: { figures: DossierIndicators }) {
  return (
    <section className={fr.cx("fr-mt-6w")} aria-labelledby="indicateurs-titre">
      <h2 id="indicateurs-titre" className={fr.cx("fr-h4")}>
        Conformité des professionnels
      </h2>
      {figures.frozenAt ? (
        <p>
          Chiffres figés au dépôt du dossier, le {formatParisDateTime(figures.frozenAt)} (heure de Paris) : ce sont ceux de l&apos;accusé de
          réception.
        </p>
      ) : figures.draft ? (
        <p>
          Chiffres actuels du <Link href={`/etablissements/${figures.establishmentId}/professionnels`}>registre des professionnels</Link>.
          Ils seront figés au dépôt du dossier.
        </p>
      ) : (
        <p>Ce dossier a été déposé sans relevé des indicateurs : voici les chiffres actuels du registre.</p>
      )}
      <IndicatorFigures
        indicators={figures.indicators}
        professionLabels={figures.professionLabels}
        title={figures.frozenAt ? "Indicateurs figés au dépôt" : "Indicateurs actuels"}
      />
    </section>
  );
}
