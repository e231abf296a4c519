import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@/components/dsfr/badge";
import { DataTable } from "@/components/dsfr/data-table";
import type { Population } from "@/lib/db/generated/enums";
import { formatInteger } from "@/lib/format/numbers";
import { formatShare, INDICATOR_ROWS, objective1Shortfall, objective2Summary } from "@/lib/roster/compliance-view";
import { formatDayFrLong, toDay } from "@/lib/roster/dates";
import type { EstablishmentIndicators, IndicatorSet } from "@/lib/roster/indicators";
import { POPULATION_LABELS } from "@/lib/roster/labels";

const BREAKDOWN_COLUMNS = INDICATOR_ROWS.slice(0, 4);

function Breakdown({ caption, groupLabel, rows }: { caption: string; groupLabel: string; rows: Array<[string, IndicatorSet]> }) {
  return (
    <DataTable caption={caption} small multiline>
      <thead>
        <tr>
          <th scope="col">{groupLabel}</th>
          <th scope="col">En activité</th>
          {BREAKDOWN_COLUMNS.map((column) => (
            <th key={column.key} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, set]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{formatInteger(set.active)}</td>
            {BREAKDOWN_COLUMNS.map((column) => (
              <td key={column.key}>{formatShare(set[column.key])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/**
 * An establishment's indicators at one date: the shares with their denominators, the two
 * objectives, and the breakdown by profession and by population. Live or frozen figures alike.
 */
export function IndicatorFigures({
  indicators,
  professionLabels,
  title,
}: {
  indicators: EstablishmentIndicators;
  professionLabels: Record<string, string>;
  /** The tables' captions start with it, so that two sets of figures on a page are told apart. */
  title: string;
}) {
  const at = formatDayFrLong(toDay(indicators.at));
  const overall = indicators.overall;
  const professions = Object.entries(indicators.byProfession)
    .map(([code, set]): [string, IndicatorSet] => [professionLabels[code] ?? `Profession ${code}`, set])
    .sort(([a], [b]) => a.localeCompare(b, "fr"));
  const populations = (Object.keys(POPULATION_LABELS) as Population[])
    .filter((population) => indicators.byPopulation[population] !== undefined)
    .map((population): [string, IndicatorSet] => [POPULATION_LABELS[population], indicators.byPopulation[population]!]);

  return (
    <>
      <p>
        <strong>{formatInteger(overall.active)}</strong> professionnel{overall.active > 1 ? "s" : ""} en activité au {at}.
      </p>
      <DataTable caption={`${title} au ${at}`} multiline>
        <thead>
          <tr>
            <th scope="col">Indicateur</th>
            <th scope="col">Professionnels concernés</th>
          </tr>
        </thead>
        <tbody>
          {INDICATOR_ROWS.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{formatShare(overall[row.key])}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <ul className={fr.cx("fr-raw-list", "fr-mb-3w")}>
        <li className={fr.cx("fr-mb-1w")}>
          Objectif 1 (enregistrement et identité) :{" "}
          <Badge severity={indicators.objective1.met ? "success" : "warning"} small>
            {indicators.objective1.met ? "atteint" : "non atteint"}
          </Badge>
          {indicators.objective1.met ? null : ` – ${objective1Shortfall(indicators)}.`}
        </li>
        <li>
          Objectif 2 (authentification à double facteur) :{" "}
          <Badge severity={indicators.objective2.met ? "success" : "warning"} small>
            {indicators.objective2.met ? "atteint" : "non atteint"}
          </Badge>
          {` – ${objective2Summary(indicators)}.`}
        </li>
      </ul>
      {professions.length > 0 ? <Breakdown caption={`${title} par profession`} groupLabel="Profession" rows={professions} /> : null}
      {populations.length > 0 ? <Breakdown caption={`${title} par population`} groupLabel="Population" rows={populations} /> : null}
    </>
  );
}
