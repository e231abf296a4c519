import { fr } from "@codegouvfr/react-dsfr";
import { FilterField, FilterForm } from "@/components/forms/filter-form";
import { Select } from "@codegouvfr/react-dsfr/Select";
import Link from "next/link";
import { BarChart, RegionMap } from "@/components/dashboard/dsfr-chart";
import { FigureTableView } from "@/components/dashboard/figure-table-view";
import { FilterSelect } from "@/components/forms/filter-select";
import { RolloutChart } from "@/components/roster/rollout-chart";
import { ZDashboardFilters } from "@/lib/dashboard/filters";
import { getProgrammeDashboard } from "@/lib/dashboard/get-programme-dashboard";
import { MAP_FIGURE_KEYS, MAP_FIGURES, mapFigureValue } from "@/lib/dashboard/map-figures";
import { formatMonthFr } from "@/lib/dashboard/months";
import { shareOf } from "@/lib/dashboard/rollout-counts";
import { dashboardTable, type DashboardTableId } from "@/lib/dashboard/tables";
import { REGION_OPTIONS } from "@/lib/establishments/territories";
import { requirePermission } from "@/lib/access/policy";
import { guardPage, guardedTitledPage } from "@/lib/http/page-guard";
import { TIER_LABELS } from "@/lib/review/labels";
import { formatParisDate, formatParisDateTime } from "@/lib/time/paris";
import { filterResetHref, listQueryString, readListFilters } from "@/lib/http/list-filters";

const guarded = guardedTitledPage("/pilotage", "Tableau de bord du programme", (viewer) =>
  requirePermission(viewer, "programme:configure"),
);
export const generateMetadata = guarded.generateMetadata;

const percent = (count: number, of: number) => {
  const share = shareOf(count, of);
  return share === null ? null : 100 * share;
};

export default async function ProgrammeDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { viewer } = await guarded.load();
  const filters = readListFilters(ZDashboardFilters, await searchParams);
  const data = await guardPage(viewer, "/pilotage", () => getProgrammeDashboard(viewer, filters));
  const query = listQueryString(filters);
  const table = (id: DashboardTableId) => <FigureTableView id={id} table={dashboardTable(data, id)} query={query} />;
  const mapFigure = MAP_FIGURES[filters.carte];
  const mapValue = (value: number | null) => (value === null ? 0 : mapFigure.unit === "share" ? Math.round(1000 * value) / 10 : value);
  const curve = data.rollout.curve;

  return (
    <>
      <h1>Tableau de bord du programme</h1>
      <FilterForm
        label="Filtrer le tableau de bord"
        submitLabel="Appliquer les filtres"
        spacing="fr-mb-4w"
        resetHref={filterResetHref("/pilotage", ZDashboardFilters, filters, ["vague", "region", "categorie"])}
      >
        <FilterField width={3}>
          <FilterSelect
            label="Vague"
            name="vague"
            value={filters.vague}
            options={data.waves.map((wave) => ({ value: wave.id, label: wave.title }))}
            anyLabel="Toutes les vagues"
          />
        </FilterField>
        <FilterField width={3}>
          <FilterSelect label="Région" name="region" value={filters.region} options={REGION_OPTIONS} anyLabel="Toutes les régions" />
        </FilterField>
        <FilterField width={3}>
          <Select label="Catégorie d'établissement" nativeSelectProps={{ name: "categorie", defaultValue: filters.categorie ?? "" }}>
            <option value="">Toutes les catégories</option>
            <option value="ES">Établissements de santé (ES)</option>
            <option value="ESMS">Établissements et services sociaux et médico-sociaux (ESMS)</option>
            {(["HEALTH", "MEDICO_SOCIAL"] as const).map((sector) => (
              <optgroup key={sector} label={sector === "HEALTH" ? "Catégories ES" : "Catégories ESMS"}>
                {data.categories
                  .filter((category) => category.sector === sector)
                  .map((category) => (
                    <option key={category.code} value={category.code}>
                      {category.label} ({category.code})
                    </option>
                  ))}
              </optgroup>
            ))}
          </Select>
        </FilterField>
        <FilterField width={3}>
          <Select label="Carte colorée selon" nativeSelectProps={{ name: "carte", defaultValue: filters.carte }}>
            {MAP_FIGURE_KEYS.map((key) => (
              <option key={key} value={key}>
                {MAP_FIGURES[key].label}
              </option>
            ))}
          </Select>
        </FilterField>
      </FilterForm>

      <section aria-labelledby="dossiers-titre">
        <h2 id="dossiers-titre">Dossiers</h2>
        <p className={fr.cx("fr-text--sm")}>
          Chaque étape compte les dossiers qui l&apos;ont atteinte. Un dossier retiré compte parmi les commencés seulement : son état ne dit
          pas jusqu&apos;où il était allé.
        </p>
        <BarChart
          horizontal
          labels={data.funnel.map((stage) => stage.label)}
          series={[{ name: "Dossiers", values: data.funnel.map((stage) => stage.count) }]}
        />
        {table("entonnoir")}
        {table("etats-regions")}
        {table("etats-categories")}
      </section>

      {/* Not a named region: its table is one, named like the heading (axe landmark-unique). */}
      <section>
        <h2 id="suivi-titre">Suivi des dossiers retenus</h2>
        <p className={fr.cx("fr-text--sm")}>
          Où en est chaque dossier retenu, de la déclaration des résultats au versement du solde. Le détail, dossier par dossier :{" "}
          <Link href="/pilotage/suivi">suivi des dossiers retenus</Link>.
        </p>
        <BarChart
          horizontal
          labels={data.followUp.map((stage) => stage.label)}
          series={[{ name: "Dossiers retenus", values: data.followUp.map((stage) => stage.count) }]}
        />
        {table("suivi")}
      </section>

      <section aria-labelledby="carte-titre">
        <h2 id="carte-titre">Carte des régions : {mapFigure.label.toLowerCase()}</h2>
        <p className={fr.cx("fr-text--sm")}>
          {mapFigure.unit === "share" ? "En pourcentage. " : ""}Une région sans donnée apparaît à 0. Les mêmes chiffres, et les autres,
          figurent dans le tableau « Chiffres par région » ; ceux des professionnels sont ceux du déploiement du RIE du mois en cours
          {data.rollout.computedAt ? ` (calculés le ${formatParisDateTime(data.rollout.computedAt)})` : ""}.
        </p>
        <RegionMap
          // The figures are read live: they are those of this moment.
          date={formatParisDate(new Date())}
          name={mapFigure.label}
          value={mapValue(mapFigureValue(filters.carte, data.national))}
          data={Object.fromEntries(data.regions.map((row) => [row.regionCode, mapValue(mapFigureValue(filters.carte, row))]))}
        />
        {table("regions")}
      </section>

      <section aria-labelledby="deploiement-titre">
        <h2 id="deploiement-titre">Déploiement du RIE</h2>
        <p className={fr.cx("fr-text--sm")}>
          Part des professionnels en activité, d&apos;après le relevé d&apos;indicateurs le plus récent de chaque établissement à la fin de
          chaque mois
          {data.rollout.computedAt ? ` (mois en cours : calculé le ${formatParisDateTime(data.rollout.computedAt)})` : ""}. Avec une vague
          choisie : les établissements des catégories éligibles à cette vague.
        </p>
        {curve.length === 0 ? (
          <p>La courbe apparaîtra après le premier relevé des indicateurs des registres.</p>
        ) : (
          <RolloutChart
            points={curve.map((point) => ({
              day: formatMonthFr(point.month),
              registered: percent(point.registered, point.active),
              substantialId: percent(point.substantialId, point.active),
              rieCompliant: percent(point.rieCompliant, point.active),
              dmpReady: percent(point.dmpReady, point.active),
            }))}
          />
        )}
        {table("deploiement")}
        {table("deploiement-categories")}
      </section>

      <section aria-labelledby="instruction-titre">
        <h2 id="instruction-titre">Instruction</h2>
        {data.review.length > 0 ? (
          <BarChart
            labels={data.review.map((tier) => TIER_LABELS[tier.tier])}
            series={[
              { name: "Attribuées", values: data.review.map((tier) => tier.assigned) },
              { name: "Remises", values: data.review.map((tier) => tier.submitted) },
              { name: "En retard", values: data.review.map((tier) => tier.overdue) },
            ]}
          />
        ) : null}
        {table("instruction")}
      </section>

      <section aria-labelledby="enveloppes-titre">
        <h2 id="enveloppes-titre">Enveloppes</h2>
        <p className={fr.cx("fr-text--sm")}>
          L&apos;enveloppe d&apos;une vague est nationale : les filtres de région et de catégorie ne s&apos;y appliquent pas. « Accordé »
          compte les décisions publiées ; les propositions pas encore publiées figurent sur le tableau des décisions de chaque vague.
        </p>
        {data.envelopes.length > 0 ? (
          <BarChart
            unit="€"
            labels={data.envelopes.map((wave) => wave.title)}
            series={[
              { name: "Enveloppe", values: data.envelopes.map((wave) => Number(wave.availableCents / 100n)) },
              { name: "Accordé", values: data.envelopes.map((wave) => Number(wave.grantedCents / 100n)) },
            ]}
          />
        ) : null}
        {table("enveloppes")}
      </section>
    </>
  );
}
