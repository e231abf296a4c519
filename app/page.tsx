import { fr } from "@codegouvfr/react-dsfr";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Highlight } from "@codegouvfr/react-dsfr/Highlight";
import { WaveStatusBadge } from "@/components/campaigns/wave-status-badge";
import { getPublicOverview, type PublicWave } from "@/lib/campaigns/public-overview";
import { DEFAULT_OBJECTIVES } from "@/lib/campaigns/programme-defaults";
import { waveStatus } from "@/lib/campaigns/wave-status";
import { formatEuros, formatInteger } from "@/lib/format/numbers";
import { formatParisDate, formatParisDateTime } from "@/lib/time/paris";

export default async function HomePage() {
  const waves = await getPublicOverview();
  const now = new Date();
  const objectives = waves.at(-1)?.objectives ?? DEFAULT_OBJECTIVES;

  return (
    <>
      <h1>HospiConnect : sécuriser et simplifier l&apos;identification électronique de vos professionnels</h1>
      <p className={fr.cx("fr-text--lead")}>
        L&apos;Agence du Numérique en Santé finance, par appels à projets, les établissements de santé et les établissements et services
        sociaux et médico-sociaux qui équipent leurs professionnels de moyens d&apos;identification électronique conformes, les enregistrent
        au RPPS et simplifient leur accès au système d&apos;information.
      </p>

      <CallOut
        title="Depuis le 1er janvier 2026 : l'authentification à double facteur est obligatoire"
        titleAs="h2"
        iconId="ri-alarm-warning-line"
      >
        Le référentiel d&apos;identification électronique (RIE), rendu opposable par l&apos;arrêté du 28 mars 2022, impose que les
        professionnels accèdent aux services numériques en santé avec un moyen d&apos;identification à deux facteurs : carte CPS,
        application e-CPS, ou moyen homologué au niveau de garantie eIDAS substantiel. Les moyens de transition (mot de passe et code reçu
        par SMS ou courriel) ne sont plus conformes. Concrètement, chacun de vos professionnels doit être enregistré au RPPS avec une
        identité vérifiée, et disposer d&apos;un moyen d&apos;authentification conforme, par exemple une e-CPS ou une clé de sécurité FIDO2.
      </CallOut>

      <section id="programme" className={fr.cx("fr-mt-6w")} aria-labelledby="programme-titre">
        <h2 id="programme-titre">Ce que finance le programme</h2>
        <ul>
          <li>
            l&apos;utilisation par les professionnels de moyens d&apos;identification électronique conformes (carte CPS, e-CPS, clés de
            sécurité FIDO2…) ;
          </li>
          <li>
            l&apos;enregistrement au RPPS des professionnels de l&apos;établissement, avec une vérification d&apos;identité de niveau
            substantiel (par exemple avec FranceConnect+) ;
          </li>
          <li>
            l&apos;accès simplifié aux applications grâce à une solution de gestion des identités et des accès ou d&apos;authentification
            unique (SSO) ;
          </li>
          <li>la possibilité pour l&apos;établissement de devenir fournisseur d&apos;identité tiers de Pro Santé Connect.</li>
        </ul>

        <h3>Objectifs du projet</h3>
        <ObjectiveList title="Objectifs obligatoires (a minima)" objectives={objectives.filter((objective) => objective.required)} />
        <ObjectiveList title="Objectifs complémentaires" objectives={objectives.filter((objective) => !objective.required)} />
      </section>

      <section id="vagues" className={fr.cx("fr-mt-6w")} aria-labelledby="vagues-titre">
        <h2 id="vagues-titre">Les vagues d&apos;appels à projets</h2>
        {waves.length === 0 ? (
          <p>Aucune vague n&apos;est encore publiée.</p>
        ) : (
          <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
            {waves.map((wave) => (
              <WaveCard key={wave.id} wave={wave} now={now} />
            ))}
          </div>
        )}
      </section>
    </>
  );
}

function ObjectiveList({
  title,
  objectives,
}: {
  title: string;
  objectives: readonly { code: string; title: string; description: string }[];
}) {
  if (objectives.length === 0) return null;
  return (
    <>
      <h4 className={fr.cx("fr-h6")}>{title}</h4>
      <ol>
        {objectives.map((objective) => (
          <li key={objective.code}>
            <strong>{objective.title}.</strong> {objective.description}
          </li>
        ))}
      </ol>
    </>
  );
}

function WaveCard({ wave, now }: { wave: PublicWave; now: Date }) {
  const status = waveStatus(wave, now);
  return (
    <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
      <div className={fr.cx("fr-card", "fr-card--no-arrow")}>
        <div className={fr.cx("fr-card__body")}>
          <div className={fr.cx("fr-card__content")}>
            <h3 className={fr.cx("fr-card__title")}>{wave.title}</h3>
            <div className={fr.cx("fr-card__start")}>
              <WaveStatusBadge status={status} />
            </div>
            <dl className={fr.cx("fr-card__desc")}>
              <dt>Ouverture</dt>
              <dd>{formatParisDate(wave.opensAt)}</dd>
              <dt>Clôture des candidatures</dt>
              <dd>{formatParisDateTime(wave.closesAt)} (heure de Paris)</dd>
              <dt>Enveloppe</dt>
              <dd>{formatEuros(wave.fundingEnvelopeCents)}</dd>
            </dl>
            <Highlight>
              {formatInteger(wave.filedApplications)} dossier{wave.filedApplications > 1 ? "s" : ""} déposé
              {wave.filedApplications > 1 ? "s" : ""}
            </Highlight>
          </div>
        </div>
      </div>
    </div>
  );
}
