import { fr } from "@codegouvfr/react-dsfr";
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import Link from "next/link";
import { DataTable } from "@/components/dsfr/data-table";
import { formatInteger } from "@/lib/format/numbers";
import { formatShare } from "@/lib/roster/compliance-view";
import { SNAPSHOT_REASON_LABELS } from "@/lib/roster/labels";
import { formatDayFr, formatDayFrLong, parisToday, toDay } from "@/lib/roster/dates";
import { DEFAULT_ROLLOUT_PERIOD, ROLLOUT_PERIODS } from "@/lib/roster/rollout-periods";
import type { EstablishmentCompliance } from "@/lib/roster/get-establishment-compliance";
import { formatParisDateTime } from "@/lib/time/paris";
import { IndicatorFigures } from "./indicator-figures";
import { ProjectionTargetField } from "./projection-target-field";
import { RolloutChart, type RolloutPoint } from "./rollout-chart";
import { DownloadLink } from "@/components/dsfr/download-link";

const percentOf = (count: number, active: number) => (active === 0 ? null : (100 * count) / active);

function Projection({ compliance }: { compliance: EstablishmentCompliance }) {
  const { projection, establishmentId, rollout } = compliance;
  const target = toDay(projection.target);
  const why =
    projection.source === "wave"
      ? ` (clôture de « ${projection.waveTitle ?? "la vague de votre dossier"} »)`
      : projection.source === "year-end"
        ? " (fin de l'année)"
        : "";
  return (
    <section aria-labelledby="projection-titre" className={fr.cx("fr-mb-4w")}>
      <h3 id="projection-titre">
        Projection au {formatDayFrLong(target)}
        {why}
      </h3>
      <form
        method="get"
        action={`/etablissements/${establishmentId}#projection-titre`}
        className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom", "fr-mb-2w")}
        aria-label="Choisir la date de la projection"
      >
        {rollout.period.id === DEFAULT_ROLLOUT_PERIOD.id ? null : <input type="hidden" name="periode" value={rollout.period.id} />}
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <ProjectionTargetField target={projection.target} min={compliance.today} error={projection.error} />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <Button type="submit" priority="secondary">
            Projeter à cette date
          </Button>
        </div>
      </form>
      <p>
        D&apos;après les dates connues du registre (expirations, révocations, fins et débuts d&apos;activité, homologations), au{" "}
        {formatDayFr(target)} :
      </p>
      <ul>
        <li>MIE conforme au RIE : {formatShare(projection.indicators.overall.rieCompliant)}</li>
        <li>Accès au DMP : {formatShare(projection.indicators.overall.dmpReady)}</li>
        <li>
          {formatInteger(projection.leaving)} départ{projection.leaving > 1 ? "s" : ""} et {formatInteger(projection.arriving)} arrivée
          {projection.arriving > 1 ? "s" : ""} enregistrés d&apos;ici là.
        </li>
      </ul>
      {projection.lapsingCount === 0 ? (
        <p>Aucun professionnel en activité ne perd sa conformité d&apos;ici là.</p>
      ) : (
        <>
          <p>
            <strong>
              {formatInteger(projection.lapsingCount)} professionnel{projection.lapsingCount > 1 ? "s perdront" : " perdra"}
            </strong>{" "}
            une conformité d&apos;ici le {formatDayFr(target)}
            {projection.lapsingCount > projection.lapsing.length
              ? `, dont ${projection.lapsing.length === 1 ? "le premier" : `les ${projection.lapsing.length} premiers`} par ordre alphabétique`
              : ""}{" "}
            :
          </p>
          <ul>
            {projection.lapsing.map((person) => (
              <li key={person.id}>
                <strong>{person.name}</strong> perdra {person.loses}
                {person.reasons.length > 0 ? ` (${person.reasons.join(" ; ")})` : ""}.
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Each form of the section is a GET of the page: it carries the other form's choice along. */
function PeriodForm({ compliance }: { compliance: EstablishmentCompliance }) {
  return (
    <form
      method="get"
      action={`/etablissements/${compliance.establishmentId}#courbe-titre`}
      className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom", "fr-mb-2w")}
      aria-label="Choisir la période de la courbe"
    >
      {compliance.projection.source === "chosen" ? <input type="hidden" name="cible" value={compliance.projection.target} /> : null}
      <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
        <Select label="Période" nativeSelectProps={{ name: "periode", defaultValue: compliance.rollout.period.id }}>
          {ROLLOUT_PERIODS.map((period) => (
            <option key={period.id} value={period.id}>
              {period.label}
            </option>
          ))}
        </Select>
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
        <Button type="submit" priority="secondary">
          Afficher cette période
        </Button>
      </div>
    </form>
  );
}

function RolloutCurve({ establishmentId, rollout }: { establishmentId: string; rollout: EstablishmentCompliance["rollout"] }) {
  const { period, readings } = rollout;
  if (readings.length === 0) {
    return (
      <p>
        Aucun relevé des indicateurs sur les {period.label} : la courbe apparaît après le premier relevé (chaque jour, et à chaque
        modification du registre).
      </p>
    );
  }
  const points: RolloutPoint[] = readings.map((snapshot) => ({
    day: formatDayFr(toDay(parisToday(snapshot.takenAt))),
    registered: percentOf(snapshot.registered, snapshot.active),
    substantialId: percentOf(snapshot.substantialId, snapshot.active),
    rieCompliant: percentOf(snapshot.rieCompliant, snapshot.active),
    dmpReady: percentOf(snapshot.dmpReady, snapshot.active),
  }));
  return (
    <figure className={fr.cx("fr-m-0", "fr-mb-2w")}>
      <figcaption className={fr.cx("fr-text--sm")}>
        Part des professionnels en activité, en pourcentage, sur les {period.label} : {period.stepLabel}. Les mêmes données figurent dans le
        tableau « Données de la courbe » ci-dessous.
      </figcaption>
      <RolloutChart points={points} />
      <Accordion label="Données de la courbe" titleAs="h4">
        <DataTable caption="Relevés des indicateurs" small>
          <thead>
            <tr>
              <th scope="col">Relevé (heure de Paris)</th>
              <th scope="col">Occasion</th>
              <th scope="col">En activité</th>
              <th scope="col">Enregistrés au RPPS</th>
              <th scope="col">Identité substantielle</th>
              <th scope="col">MIE conforme au RIE</th>
              <th scope="col">Accès au DMP</th>
            </tr>
          </thead>
          <tbody>
            {readings.map((snapshot) => (
              <tr key={snapshot.id}>
                <th scope="row">{formatParisDateTime(snapshot.takenAt)}</th>
                <td>{SNAPSHOT_REASON_LABELS[snapshot.reason]}</td>
                <td>{formatInteger(snapshot.active)}</td>
                <td>{formatShare({ count: snapshot.registered, of: snapshot.active })}</td>
                <td>{formatShare({ count: snapshot.substantialId, of: snapshot.active })}</td>
                <td>{formatShare({ count: snapshot.rieCompliant, of: snapshot.active })}</td>
                <td>{formatShare({ count: snapshot.dmpReady, of: snapshot.active })}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </Accordion>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm", "fr-btns-group--icon-left", "fr-mt-2w")}>
        {(["csv", "xlsx"] as const).map((format) => (
          <li key={format}>
            <DownloadLink href={`/api/establishments/${establishmentId}/indicators?format=${format}`} priority="tertiary">
              Télécharger tous les relevés depuis le début en {format.toUpperCase()}
            </DownloadLink>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** The establishment page's « Conformité des professionnels »: figures today, projection, rollout curve. */
export function ComplianceSection({ compliance }: { compliance: EstablishmentCompliance }) {
  const rosterPath = `/etablissements/${compliance.establishmentId}/professionnels` as const;
  return (
    <section aria-labelledby="conformite-titre" className={fr.cx("fr-mb-6w")}>
      <h2 id="conformite-titre">Conformité des professionnels</h2>
      {compliance.rosterSize === 0 ? (
        <Alert
          severity="info"
          title="Registre des professionnels vide"
          description={
            <>
              Aucun professionnel dans le registre : ajoutez-les ou importez un fichier.{" "}
              <Link href={rosterPath}>Ouvrir le registre des professionnels</Link>
            </>
          }
        />
      ) : (
        <>
          <p>
            Calculé à partir du <Link href={rosterPath}>registre des professionnels</Link> ({formatInteger(compliance.rosterSize)} personne
            {compliance.rosterSize > 1 ? "s" : ""} inscrite{compliance.rosterSize > 1 ? "s" : ""}, parties comprises), sur les
            professionnels en activité aujourd&apos;hui.
          </p>
          <IndicatorFigures
            indicators={compliance.indicators}
            professionLabels={compliance.professionLabels}
            title="Conformité des professionnels"
          />
          <Projection compliance={compliance} />
          <section aria-labelledby="courbe-titre">
            <h3 id="courbe-titre">Courbe de déploiement</h3>
            <PeriodForm compliance={compliance} />
            <RolloutCurve establishmentId={compliance.establishmentId} rollout={compliance.rollout} />
          </section>
        </>
      )}
    </section>
  );
}
