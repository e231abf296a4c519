"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@/components/dsfr/badge";
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable } from "@tanstack/react-table";
import type { Route } from "next";
import Link from "next/link";
import { SortedTableSections } from "@/components/dsfr/sortable-header";
import { DataTable } from "@/components/dsfr/data-table";
import { useServerSorting } from "@/components/dsfr/use-server-sorting";
import { formatEuros, formatScore } from "@/lib/format/numbers";
import type { BoardRow, BoardSort } from "@/lib/decisions/board-rows";
import { OUTCOME_LABELS } from "@/lib/decisions/labels";

/**
 * The ranking of a wave's scored dossiers: TanStack Table owns the sort state; the server owns the
 * rows (aggregated, filtered, sorted and paginated there), so a sort is a navigation to a new URL.
 */
const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, BoardRow>();
const SORT_KEYS = {
  establishment: "establishment",
  region: "region",
  requested: "requested",
  raw: "raw",
  normalised: "normalised",
  spread: "spread",
} as const satisfies Record<string, BoardSort>;

const proposal = (decision: BoardRow["staged"]) =>
  decision
    ? `${OUTCOME_LABELS[decision.outcome]}${decision.amountGrantedCents !== null ? ` – ${formatEuros(BigInt(decision.amountGrantedCents))}` : ""}`
    : null;

function columnsFor(waveId: string) {
  return helper.columns([
    helper.accessor("establishment", {
      header: "Établissement",
      cell: ({ row }) => (
        <>
          <Link href={`/pilotage/vagues/${waveId}/decisions/${row.original.id}`}>{row.original.establishment}</Link>
          <span className={fr.cx("fr-hint-text")}>
            {row.original.reference} – {row.original.category}
          </span>
        </>
      ),
    }),
    helper.accessor("region", { header: "Région" }),
    helper.accessor("requestedCents", {
      id: "requested",
      header: "Montant demandé",
      cell: ({ getValue }) => formatEuros(BigInt(getValue())),
    }),
    helper.accessor("raw", { header: "Note brute /100", cell: ({ getValue }) => formatScore(getValue()) }),
    helper.accessor("normalised", { header: "Note normalisée /100", cell: ({ getValue }) => formatScore(getValue()) }),
    helper.accessor("standardDeviation", {
      id: "spread",
      header: "Écart-type (étendue)",
      cell: ({ row }) => (
        <>
          {formatScore(row.original.standardDeviation)} ({formatScore(row.original.range)})
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
  const { sorting, sortable, sortingOptions } = useServerSorting(SORT_KEYS, sort, `/pilotage/vagues/${waveId}/decisions` as Route);
  const table = useTable({
    features,
    columns: columnsFor(waveId),
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting },
    ...sortingOptions,
  });

  return (
    <DataTable caption="Classement des dossiers évalués" small multiline>
      <SortedTableSections table={table} sortable={sortable} rowHeader="establishment" />
    </DataTable>
  );
}
