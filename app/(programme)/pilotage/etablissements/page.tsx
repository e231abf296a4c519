import { EmptyList } from "@/components/dsfr/empty-list";
import { fr } from "@codegouvfr/react-dsfr";
import { FilterField, FilterForm } from "@/components/forms/filter-form";
import { Input } from "@codegouvfr/react-dsfr/Input";
import Link from "next/link";
import { Badge } from "@/components/dsfr/badge";
import { DataTable } from "@/components/dsfr/data-table";
import { PageLinks } from "@/components/dsfr/page-links";
import { FilterSelect } from "@/components/forms/filter-select";
import { listEstablishments, ZEstablishmentFilters } from "@/lib/establishments/list-establishments";
import { REGION_OPTIONS, regionName } from "@/lib/establishments/territories";
import { formatCount, formatInteger } from "@/lib/format/numbers";
import { requirePermission } from "@/lib/access/policy";
import { guardPage, guardedTitledPage } from "@/lib/http/page-guard";
import { filterResetHref, listQueryString, readListFilters, SEARCH_TEXT_MAX_LENGTH } from "@/lib/http/list-filters";

const guarded = guardedTitledPage("/pilotage/etablissements", "Établissements", (viewer) =>
  requirePermission(viewer, "establishment:read-any"),
);
export const generateMetadata = guarded.generateMetadata;

export default async function EstablishmentsListPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { viewer } = await guarded.load();
  const filters = readListFilters(ZEstablishmentFilters, await searchParams);
  const { total, rows, pageCount } = await guardPage(viewer, "/pilotage/etablissements", () => listEstablishments(viewer, filters));
  const query = (page: number) => listQueryString({ ...filters, page });

  return (
    <>
      <h1>Établissements</h1>
      <p>
        Les établissements candidats du programme. Un établissement qui n&apos;est pas encore dans la liste est inscrit ici, avec
        l&apos;adresse de sa direction, qui reçoit une invitation pour compléter son profil et déposer son dossier.
      </p>
      <Link className={fr.cx("fr-btn", "fr-icon-add-line", "fr-btn--icon-left", "fr-mb-3w")} href="/pilotage/etablissements/nouveau">
        Inscrire un établissement
      </Link>
      <FilterForm
        label="Filtrer les établissements"
        submitWidth={3}
        resetHref={filterResetHref("/pilotage/etablissements", ZEstablishmentFilters, filters, ["region", "search"])}
      >
        <FilterField width={4}>
          <FilterSelect label="Région" name="region" value={filters.region} options={REGION_OPTIONS} anyLabel="Toutes" />
        </FilterField>
        <FilterField width={5}>
          <Input
            label="Nom ou FINESS"
            nativeInputProps={{ name: "search", defaultValue: filters.search, maxLength: SEARCH_TEXT_MAX_LENGTH }}
          />
        </FilterField>
      </FilterForm>

      <p role="status">{formatCount(total, "établissement", "établissements")}</p>
      {rows.length === 0 ? (
        <EmptyList
          total={total}
          nothing="Aucun établissement ne correspond à ces filtres."
          firstPage={`/pilotage/etablissements?${query(1)}`}
        />
      ) : (
        <DataTable caption="Établissements correspondant aux filtres" hideCaption multiline>
          <thead>
            <tr>
              <th scope="col" className={fr.cx("fr-cell--fixed", "fr-col--md")}>
                Établissement
              </th>
              <th scope="col">Région</th>
              <th scope="col">Équipe</th>
              <th scope="col">Dossiers</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className={fr.cx("fr-cell--fixed", "fr-col--md")}>
                  <Link href={`/etablissements/${row.id}`}>{row.name}</Link>
                  <br />
                  <span className={fr.cx("fr-text--xs")}>
                    {row.category.label} – {row.city} – FINESS {row.finessEt}
                  </span>
                </th>
                <td>{regionName(row.regionCode)}</td>
                <td>
                  <Link href={`/etablissements/${row.id}/membres`}>
                    {row._count.memberships > 0 ? formatCount(row._count.memberships, "membre", "membres") : "Aucun membre"}
                    <span className="fr-sr-only"> : équipe de « {row.name} »</span>
                  </Link>
                  {row._count.invitations > 0 ? (
                    <>
                      <br />
                      <Badge severity="info" small>
                        {formatCount(row._count.invitations, "invitation en attente", "invitations en attente")}
                      </Badge>
                    </>
                  ) : row._count.memberships === 0 ? (
                    <>
                      <br />
                      <Badge severity="warning" small>
                        Personne ne peut déposer
                      </Badge>
                    </>
                  ) : null}
                </td>
                <td>{formatInteger(row._count.applications)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <PageLinks page={filters.page} pageCount={pageCount} href={(page) => `/pilotage/etablissements?${query(page)}`} />
    </>
  );
}
