"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { OverdueBadge } from "@/components/dsfr/badge";
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable } from "@tanstack/react-table";
import Link from "next/link";
import { SortedTableSections } from "@/components/dsfr/sortable-header";
import { DataTable } from "@/components/dsfr/data-table";
import { useServerSorting } from "@/components/dsfr/use-server-sorting";
import type { FollowUpSort } from "@/lib/follow-up/list-follow-ups";

/** A row of the board as the page formats it (dates and labels in French, on the server). */
export type FollowUpBoardRow = {
  id: string;
  establishment: string;
  finess: string;
  /** « HC-00042 ». */
  reference: string;
  region: string;
  wave: string;
  stage: string;
  heldBy: string | null;
  dueAt: string | null;
  overdue: boolean;
};

/**
 * The follow-up board: TanStack Table owns the sort state, the server owns the rows (filtered,
 * sorted and paginated there), so a sort is a navigation. No column sorted means the default
 * order: overdue checks first.
 */
const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, FollowUpBoardRow>();
const SORT_KEYS = { establishment: "establishment", region: "region", wave: "wave" } as const satisfies Record<string, FollowUpSort>;

const columns = helper.columns([
  helper.accessor("establishment", {
    header: "Établissement",
    cell: ({ row }) => (
      <>
        <Link href={`/dossiers/${row.original.id}/suivi`}>{row.original.establishment}</Link>
        <span className={fr.cx("fr-hint-text")}>
          {row.original.reference} – FINESS {row.original.finess}
        </span>
      </>
    ),
  }),
  helper.accessor("region", { header: "Région" }),
  helper.accessor("wave", { header: "Vague" }),
  helper.accessor("stage", { header: "Étape du suivi" }),
  helper.accessor("heldBy", { header: "Détenu par", cell: ({ getValue }) => getValue() ?? "–" }),
  helper.accessor("dueAt", {
    header: "Échéance (heure de Paris)",
    cell: ({ row }) => (
      <>
        {row.original.dueAt ?? "–"}
        <OverdueBadge overdue={row.original.overdue} />
      </>
    ),
  }),
]);

export function FollowUpBoardTable({ rows, sort }: { rows: FollowUpBoardRow[]; sort: { id: FollowUpSort; desc: boolean } }) {
  const { sorting, sortable, sortingOptions } = useServerSorting(SORT_KEYS, sort, "/pilotage/suivi");
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id, state: { sorting }, ...sortingOptions });

  return (
    <DataTable caption="Suivi des dossiers retenus" hideCaption small multiline>
      <SortedTableSections table={table} sortable={sortable} rowHeader="establishment" />
    </DataTable>
  );
}
