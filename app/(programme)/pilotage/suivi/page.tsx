import { EmptyList } from "@/components/dsfr/empty-list";
import { fr } from "@codegouvfr/react-dsfr";
import { FilterField, FilterForm } from "@/components/forms/filter-form";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import Link from "next/link";
import { DataTable } from "@/components/dsfr/data-table";
import { FilterSelect } from "@/components/forms/filter-select";
import { FollowUpBoardTable } from "@/components/follow-up/follow-up-board-table";
import { PageLinks } from "@/components/dsfr/page-links";
import { REGION_OPTIONS, regionName } from "@/lib/establishments/territories";
import { FOLLOW_UP_STAGE_LABELS } from "@/lib/follow-up/follow-up-stage";
import { listFollowUps, ZFollowUpFilters } from "@/lib/follow-up/list-follow-ups";
import { TIER_LABELS } from "@/lib/follow-up/verification-machine";
import { formatInteger } from "@/lib/format/numbers";
import { requirePermission } from "@/lib/access/policy";
import { guardPage, guardedTitledPage } from "@/lib/http/page-guard";
import { formatParisDateTime } from "@/lib/time/paris";
import { filterResetHref, listQueryString, readListFilters } from "@/lib/http/list-filters";
import { DownloadLink } from "@/components/dsfr/download-link";

const guarded = guardedTitledPage("/pilotage/suivi", "Suivi des dossiers retenus", (viewer) =>
  requirePermission(viewer, "establishment:read-any"),
);
export const generateMetadata = guarded.generateMetadata;

export default async function FollowUpBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { viewer } = await guarded.load();
  const filters = readListFilters(ZFollowUpFilters, await searchParams);
  const { total, rows, summary, waves, pageCount } = await guardPage(viewer, "/pilotage/suivi", () => listFollowUps(viewer, filters));
  const query = (changes: Record<string, string | number | undefined>) =>
    listQueryString({ ...filters, overdue: filters.overdue ? "1" : undefined, ...changes });

  return (
    <>
      <h1>Suivi des dossiers retenus</h1>
      <p>
        Chaque dossier retenu, de la déclaration de ses résultats au versement de son solde. Par défaut, les vérifications en retard
        viennent en premier.
      </p>

      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <DataTable caption="Dossiers par étape du suivi" small>
            <thead>
              <tr>
                <th scope="col">Étape</th>
                <th scope="col">Dossiers</th>
              </tr>
            </thead>
            <tbody>
              {summary.byStage.map(({ stage, count }) => (
                <tr key={stage}>
                  <th scope="row">
                    <Link href={`/pilotage/suivi?${query({ stage, page: 1 })}`}>{FOLLOW_UP_STAGE_LABELS[stage]}</Link>
                  </th>
                  <td>{formatInteger(count)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <DataTable caption="Dossiers par région" small>
            <thead>
              <tr>
                <th scope="col">Région</th>
                <th scope="col">Dossiers</th>
              </tr>
            </thead>
            <tbody>
              {summary.byRegion.length === 0 ? (
                <tr>
                  <td colSpan={2}>Aucun dossier.</td>
                </tr>
              ) : (
                summary.byRegion.map(({ regionCode, count }) => (
                  <tr key={regionCode}>
                    <th scope="row">
                      <Link href={`/pilotage/suivi?${query({ region: regionCode, page: 1 })}`}>{regionName(regionCode)}</Link>
                    </th>
                    <td>{formatInteger(count)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </DataTable>
        </div>
      </div>

      <FilterForm
        label="Filtrer le suivi"
        resetHref={filterResetHref("/pilotage/suivi", ZFollowUpFilters, filters, ["wave", "region", "stage", "tier", "overdue"])}
        beforeSubmit={
          <Checkbox
            options={[
              {
                label: "Vérifications en retard seulement",
                nativeInputProps: { name: "overdue", value: "1", defaultChecked: filters.overdue },
              },
            ]}
          />
        }
        afterSubmit={
          <>
            <DownloadLink href={`/api/pilotage/suivi/export?${query({ page: undefined })}`}>Exporter en CSV</DownloadLink>{" "}
            <DownloadLink href={`/api/pilotage/suivi/export?${query({ page: undefined, format: "xlsx" })}`}>Exporter en XLSX</DownloadLink>
          </>
        }
      >
        <input type="hidden" name="sort" value={filters.sort} />
        <input type="hidden" name="dir" value={filters.dir} />
        <FilterField width={3}>
          <FilterSelect
            label="Vague"
            name="wave"
            value={filters.wave}
            options={waves.map((wave) => ({ value: wave.id, label: wave.title }))}
            anyLabel="Toutes"
          />
        </FilterField>
        <FilterField width={3}>
          <FilterSelect label="Région" name="region" value={filters.region} options={REGION_OPTIONS} anyLabel="Toutes" />
        </FilterField>
        <FilterField width={3}>
          <FilterSelect label="Étape du suivi" name="stage" value={filters.stage} options={FOLLOW_UP_STAGE_LABELS} anyLabel="Toutes" />
        </FilterField>
        <FilterField width={3}>
          <FilterSelect label="Détenu par" name="tier" value={filters.tier} options={TIER_LABELS} anyLabel="Tous" />
        </FilterField>
      </FilterForm>

      <p role="status">
        {formatInteger(total)} dossier{total > 1 ? "s" : ""} retenu{total > 1 ? "s" : ""}
        {filters.sort === "overdue" ? " – les vérifications en retard d'abord" : null}
      </p>
      {filters.sort !== "overdue" ? (
        <p>
          <Link href={`/pilotage/suivi?${query({ sort: undefined, dir: undefined, page: 1 })}`}>
            Revenir à l&apos;ordre par défaut (retards d&apos;abord)
          </Link>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <EmptyList
          total={total}
          nothing="Aucun dossier retenu ne correspond à ces filtres."
          firstPage={`/pilotage/suivi?${query({ page: 1 })}`}
        />
      ) : (
        <FollowUpBoardTable
          sort={{ id: filters.sort, desc: filters.dir === "desc" }}
          rows={rows.map((row) => ({
            id: row.id,
            reference: row.reference,
            establishment: row.establishment,
            finess: row.finess,
            region: regionName(row.regionCode),
            wave: row.wave,
            stage: FOLLOW_UP_STAGE_LABELS[row.stage],
            heldBy: row.heldBy ? TIER_LABELS[row.heldBy] : null,
            dueAt: row.dueAt ? formatParisDateTime(row.dueAt) : null,
            overdue: row.overdue,
          }))}
        />
      )}
      <PageLinks page={filters.page} pageCount={pageCount} href={(page) => `/pilotage/suivi?${query({ page })}`} />
    </>
  );
}
