import { fr } from "@codegouvfr/react-dsfr";
import { FilterField, FilterForm } from "@/components/forms/filter-form";
import Link from "next/link";
import { DataTable } from "@/components/dsfr/data-table";
import { FilterSelect } from "@/components/forms/filter-select";
import { PaymentTotals } from "@/components/follow-up/payment-totals";
import { TrancheStatusBadge, trancheStatusDetail } from "@/components/follow-up/tranche-status";
import { listWaveTranches, ZTrancheFilters } from "@/lib/follow-up/list-wave-tranches";
import { TRANCHE_LABELS, TRANCHE_STATUS_LABELS } from "@/lib/follow-up/tranches";
import { formatEuros, formatInteger } from "@/lib/format/numbers";
import { waveBoardPage } from "@/lib/campaigns/wave-board-page";
import { guardPage } from "@/lib/http/page-guard";
import { Breadcrumb } from "@/components/dsfr/breadcrumb";
import { waveSegments } from "@/components/campaigns/wave-segments";
import { PageLinks } from "@/components/dsfr/page-links";
import { filterResetHref, readListFilters } from "@/lib/http/list-filters";
import { DownloadLink } from "@/components/dsfr/download-link";

const wavePage = waveBoardPage("versements", "payment:record", "Versements");
export const generateMetadata = wavePage.generateMetadata;

export default async function PaymentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ waveId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { waveId, viewer, path } = await wavePage.load(params);
  const filters = readListFilters(ZTrancheFilters, await searchParams);
  const list = await guardPage(viewer, path, () => listWaveTranches(viewer, waveId, filters));
  const query = (page: number) =>
    `${path}?${new URLSearchParams({ ...(filters.status ? { status: filters.status } : {}), page: String(page) })}`;
  return (
    <>
      <Breadcrumb segments={waveSegments(waveId, list.wave.title)} current="Versements" />
      <h1>Versements</h1>
      <p>
        Les tranches des subventions accordées : l&apos;avance est due dès la publication de la décision, le solde à la validation des
        résultats. Enregistrez l&apos;ordonnancement puis le paiement de chacune, avec sa date et la référence du paiement.
      </p>
      <PaymentTotals totals={list.totals} envelopeCents={list.wave.fundingEnvelopeCents} />

      <FilterForm
        label="Filtrer les tranches"
        submitWidth={8}
        spacing="fr-mb-2w"
        resetHref={filterResetHref(path, ZTrancheFilters, filters, ["status"])}
      >
        <FilterField width={4}>
          <FilterSelect label="État" name="status" value={filters.status} options={TRANCHE_STATUS_LABELS} anyLabel="Tous" />
        </FilterField>
      </FilterForm>
      <p>
        <DownloadLink href={`/api/waves/${waveId}/tranches/export?format=csv`}>Tranches à ordonnancer (CSV)</DownloadLink>{" "}
        <DownloadLink href={`/api/waves/${waveId}/tranches/export?format=xlsx`}>Tranches à ordonnancer (Excel)</DownloadLink>
      </p>

      <p role="status" className={fr.cx("fr-mb-1w")}>
        {formatInteger(list.matching)} tranche{list.matching > 1 ? "s" : ""}
        {filters.status ? ` « ${TRANCHE_STATUS_LABELS[filters.status]} »` : ""}
      </p>
      {list.rows.length === 0 ? (
        <p>
          {filters.status
            ? "Aucune tranche dans cet état."
            : "Aucune subvention de cette vague n'a encore de tranches : elles apparaissent à la publication des décisions, une fois la part de l'avance fixée."}
        </p>
      ) : (
        <DataTable caption="Tranches de la vague" multiline>
          <thead>
            <tr>
              <th scope="col">Établissement</th>
              <th scope="col">Tranche</th>
              <th scope="col">Montant</th>
              <th scope="col">État</th>
              <th scope="col">Détail</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((tranche) => (
              <tr key={tranche.id}>
                <th scope="row">
                  <Link href={`/dossiers/${tranche.applicationId}/suivi`}>{tranche.establishment.name}</Link>
                  <br />
                  <span className={fr.cx("fr-hint-text")}>
                    {tranche.reference} – {tranche.establishment.region} – FINESS {tranche.establishment.finessEt}
                  </span>
                </th>
                <td>{TRANCHE_LABELS[tranche.kind]}</td>
                <td>{formatEuros(tranche.amountCents)}</td>
                <td>
                  <TrancheStatusBadge status={tranche.status} />
                </td>
                <td>{trancheStatusDetail(tranche)}</td>
                <td>
                  {tranche.status === "PLANNED" || tranche.status === "CANCELLED" ? null : (
                    <Link href={`/pilotage/vagues/${waveId}/versements/${tranche.id}`}>
                      {tranche.status === "DUE" ? "Ordonnancer" : tranche.status === "ORDERED" ? "Enregistrer le paiement" : "Consulter"}
                      <span className={fr.cx("fr-sr-only")}>
                        {" "}
                        – {TRANCHE_LABELS[tranche.kind]}, {tranche.establishment.name}
                      </span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <PageLinks page={list.page} pageCount={list.pageCount} href={query} />
    </>
  );
}
