"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { SortedTableSections } from "@/components/dsfr/sortable-header";
import { DataTable } from "@/components/dsfr/data-table";
import { formatEuroAmount } from "@/lib/applications/euro-amount";
import type { BoardRow, BoardSort } from "@/lib/decisions/board-rows";
import { OUTCOME_LABELS } from "@/lib/decisions/labels";

/**
 * The ranking of a wave's scored dossiers: TanStack Table owns the sort state; the server owns the
 * rows (aggregated, filtered, sorted and paginated there), so a sort is a navigation to a new URL.
 */
const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, BoardRow>();
const SORTABLE: Partial<Record<string, BoardSort>> = {
  establishment: "establishment",
  region: "region",
  requested: "requested",
  raw: "raw",
  normalised: "normalised",
  spread: "spread",
};
const SORTABLE_COLUMNS = new Set(Object.keys(SORTABLE));

const figure = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const show = (value: number | null) => (value === null ? "–" : figure.format(value));
const proposal = (decision: BoardRow["staged"]) =>
  decision
    ? `${OUTCOME_LABELS[decision.outcome]}${decision.amountGrantedCents !== null ? ` – ${formatEuroAmount(BigInt(decision.amountGrantedCents))}` : ""}`
    : null;

function columnsFor(waveId: string) {
  return helper.columns([
    helper.accessor("establishment", {
      header: "Établissement",
      cell: ({ row }) => (
        <>
          <Link href={`/pilotage/vagues/${waveId}/decisions/${row.original.id}`}>{row.original.establishment}</Link>
          <span className={fr.cx("fr-hint-text")}>{row.original.category}</span>
        </>
      ),
    }),
    helper.accessor("region", { header: "Région" }),
    helper.accessor("requestedCents", {
      id: "requested",
      header: "Montant demandé",
      cell: ({ getValue }) => formatEuroAmount(BigInt(getValue())),
    }),
    helper.accessor("raw", { header: "Note brute /100", cell: ({ getValue }) => show(getValue()) }),
    helper.accessor("normalised", { header: "Note normalisée /100", cell: ({ getValue }) => show(getValue()) }),
    helper.accessor("standardDeviation", {
      id: "spread",
      header: "Écart-type (étendue)",
      cell: ({ row }) => (
        <>
          {show(row.original.standardDeviation)} ({show(row.original.range)})
          {row.original.toDiscuss ? (
            <Badge small severity="warning" className={fr.cx("fr-ml-1v")}>
              À discuter
            </Badge>
          ) : null}
        </>
      ),
    }),
    helper.display({
      id: "reviews",
      header: "Évaluations (ARS / ANS)",
      cell: ({ row }) => `${row.original.regionalReviews} / ${row.original.nationalReviews}`,
    }),
    helper.display({
      id: "decision",
      header: "Décision",
      cell: ({ row }) => (
        <>
          {row.original.released ? <span>Publiée : {proposal(row.original.released)}</span> : null}
          {row.original.staged ? <span className={fr.cx("fr-hint-text")}>Proposée : {proposal(row.original.staged)}</span> : null}
          {!row.original.staged && !row.original.released ? "Aucune proposition" : null}
        </>
      ),
    }),
  ]);
}

export function DecisionBoardTable({ waveId, rows, sort }: { waveId: string; rows: BoardRow[]; sort: { id: BoardSort; desc: boolean } }) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const sorting: SortingState = [{ id: sort.id, desc: sort.desc }];
  const table = useTable({
    features,
    columns: columnsFor(waveId),
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting },
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const [first] = typeof updater === "function" ? updater(sorting) : updater;
      const key = first ? SORTABLE[first.id] : undefined;
      if (!first || !key) return;
      const params = new URLSearchParams(searchParams.toString());
      params.set("sort", key);
      params.set("dir", first.desc ? "desc" : "asc");
      params.delete("page");
      router.push(`/pilotage/vagues/${waveId}/decisions?${params.toString()}`);
    },
  });

  return (
    <DataTable caption="Classement des dossiers évalués" small multiline>
      <SortedTableSections table={table} sortable={SORTABLE_COLUMNS} rowHeader="establishment" />
    </DataTable>
  );
}
