import { fr } from "@codegouvfr/react-dsfr";
import Link from "next/link";
import type { DossierIndicators } from "@/lib/roster/get-dossier-indicators";
import { formatParisDateTime } from "@/lib/time/paris";
import { IndicatorFigures } from "./indicator-figures";

/**
 * The roster's figures inside a dossier: frozen at submission, or live with a word on when they freeze.
 * `headingAs`: the level its heading takes where it is shown (RGAA 9.1), a part of the dossier page
 * or, in the reviewer's workspace, one of the dossier's parts under its « Dossier » heading.
 */
export function DossierIndicatorsSection({ figures, headingAs }: { figures: DossierIndicators; headingAs: "h2" | "h3" }) {
  const Heading = headingAs;
  return (
    <section className={fr.cx("fr-mt-6w")} aria-labelledby="indicateurs-titre">
      <Heading id="indicateurs-titre" className={fr.cx(headingAs === "h2" ? "fr-h4" : "fr-h5")}>
        Conformité des professionnels
      </Heading>
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
