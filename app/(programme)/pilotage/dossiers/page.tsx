import { EmptyList } from "@/components/dsfr/empty-list";
import { fr } from "@codegouvfr/react-dsfr";
import { FilterField, FilterForm } from "@/components/forms/filter-form";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import Link from "next/link";
import { DataTable } from "@/components/dsfr/data-table";
import { BackgroundExportButton } from "@/components/exports/background-export-button";
import { FilterSelect } from "@/components/forms/filter-select";
import { PageLinks } from "@/components/dsfr/page-links";
import { DOSSIER_FILTER_LABELS } from "@/lib/applications/dossier-filter-words";
import { listDossiers, ZDossierFilters } from "@/lib/applications/list-dossiers";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import { env } from "@/lib/config/env";
import { exportMode } from "@/lib/exports/threshold";
import { REGION_OPTIONS, regionName } from "@/lib/establishments/territories";
import { formatEuros, formatInteger } from "@/lib/format/numbers";
import { requirePermission } from "@/lib/access/policy";
import { guardPage, guardedTitledPage } from "@/lib/http/page-guard";
import { formatParisDateTime } from "@/lib/time/paris";
import { filterResetHref, listQueryString, readListFilters, SEARCH_TEXT_MAX_LENGTH } from "@/lib/http/list-filters";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { DownloadLink } from "@/components/dsfr/download-link";

const guarded = guardedTitledPage("/pilotage/dossiers", "Dossiers de candidature", (viewer) =>
  requirePermission(viewer, "establishment:read-any"),
);
export const generateMetadata = guarded.generateMetadata;

export default async function DossiersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { viewer } = await guarded.load();
  const filters = readListFilters(ZDossierFilters, await searchParams);
  const { total, rows, waves, pageCount } = await guardPage(viewer, "/pilotage/dossiers", () => listDossiers(viewer, filters));
  const query = (changes: Record<string, string | number>) => listQueryString({ ...filters, ...changes });
  const exportFilters = { wave: filters.wave, state: filters.state, region: filters.region, search: filters.search, sort: filters.sort };

  return (
    <>
      <h1>Dossiers de candidature</h1>
      <FilterForm
        label="Filtrer les dossiers"
        resetHref={filterResetHref("/pilotage/dossiers", ZDossierFilters, filters, ["wave", "state", "region", "search"])}
        afterSubmit={
          exportMode(total, env.EXPORT_BACKGROUND_THRESHOLD) === "direct" ? (
            <>
              <DownloadLink href={`/api/dossiers/export?${query({ page: 1 })}`}>Exporter en CSV</DownloadLink>{" "}
              <DownloadLink href={`/api/dossiers/export?${query({ page: 1, format: "xlsx" })}`}>Exporter en XLSX</DownloadLink>
            </>
          ) : (
            <>
              <BackgroundExportButton filters={exportFilters} format="csv" />{" "}
              <BackgroundExportButton filters={exportFilters} format="xlsx" />
              <p className={fr.cx("fr-hint-text", "fr-mt-1w")}>
                Plus de {formatInteger(env.EXPORT_BACKGROUND_THRESHOLD)} dossiers : l&apos;export est préparé en arrière-plan et vous attend
                dans <Link href="/pilotage/exports">Mes exports</Link>.
              </p>
            </>
          )
        }
      >
        <FilterField width={3}>
          <FilterSelect
            label={DOSSIER_FILTER_LABELS.wave}
            name="wave"
            value={filters.wave}
            options={waves.map((wave) => ({ value: wave.id, label: wave.title }))}
            anyLabel="Toutes"
          />
        </FilterField>
        <FilterField width={2}>
          <FilterSelect label={DOSSIER_FILTER_LABELS.state} name="state" value={filters.state} options={STATE_LABELS} anyLabel="Tous" />
        </FilterField>
        <FilterField width={2}>
          <FilterSelect
            label={DOSSIER_FILTER_LABELS.region}
            name="region"
            value={filters.region}
            options={REGION_OPTIONS}
            anyLabel="Toutes"
          />
        </FilterField>
        <FilterField width={3}>
          <Input
            label={DOSSIER_FILTER_LABELS.search}
            nativeInputProps={{ name: "search", defaultValue: filters.search, maxLength: SEARCH_TEXT_MAX_LENGTH }}
          />
        </FilterField>
        <FilterField width={2}>
          <Select label="Trier par" nativeSelectProps={{ name: "sort", defaultValue: filters.sort }}>
            <option value="recent">Dernière modification</option>
            <option value="establishment">Établissement</option>
            <option value="state">État</option>
          </Select>
        </FilterField>
      </FilterForm>

      <p role="status">
        {formatInteger(total)} dossier{total > 1 ? "s" : ""}
      </p>
      {rows.length === 0 ? (
        <EmptyList
          total={total}
          nothing="Aucun dossier ne correspond à ces filtres."
          firstPage={`/pilotage/dossiers?${query({ page: 1 })}`}
        />
      ) : (
        <DataTable caption="Dossiers correspondant aux filtres" hideCaption multiline>
          <thead>
            <tr>
              <th scope="col" className={fr.cx("fr-cell--fixed", "fr-col--md")}>
                Établissement
              </th>
              <th scope="col">Référence</th>
              <th scope="col">Région</th>
              <th scope="col">Vague</th>
              <th scope="col">État</th>
              <th scope="col">Budget demandé</th>
              <th scope="col">Déposé le (heure de Paris)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className={fr.cx("fr-cell--fixed", "fr-col--md")}>
                  <Link href={`/dossiers/${row.id}`}>{row.establishment.name}</Link>
                  <br />
                  <span className={fr.cx("fr-text--xs")}>
                    {row.establishment.category.label} – FINESS {row.establishment.finessEt}
                  </span>
                </th>
                <td>{dossierReference(row.number)}</td>
                <td>{regionName(row.establishment.regionCode)}</td>
                <td>{row.wave.title}</td>
                <td>{STATE_LABELS[row.state]}</td>
                <td>{formatEuros(row.budgetLines.reduce((sum, line) => sum + line.amountCents, 0n))}</td>
                <td>{row.submissions[0] ? formatParisDateTime(row.submissions[0].receivedAt) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <PageLinks page={filters.page} pageCount={pageCount} href={(page) => `/pilotage/dossiers?${query({ page })}`} />
    </>
  );
}
