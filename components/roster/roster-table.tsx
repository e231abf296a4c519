"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import {
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { createContext, useContext, useMemo, useState } from "react";
import { SortedTableSections } from "@/components/dsfr/sortable-header";
import { DataTable } from "@/components/dsfr/data-table";
import type { RosterTableRow, RosterSort } from "@/lib/roster/list-professionals";
import { formatNumericCalendarDate } from "@/lib/time/paris";
import { BulkActionPanel } from "./bulk-action-panel";

/**
 * The roster table: TanStack Table owns selection and the sort state; the server owns the rows
 * (sorted, filtered and paginated by the database), so a sort is a navigation to a new URL.
 */
const features = tableFeatures({ rowSortingFeature, rowSelectionFeature });
const helper = createColumnHelper<typeof features, RosterTableRow>();

const SORTABLE: Partial<Record<string, RosterSort>> = {
  name: "name",
  profession: "profession",
  population: "population",
  rpps: "rppsStatus",
  activity: "activityStart",
};
const SORTABLE_COLUMNS = new Set(Object.keys(SORTABLE));

function Verdict({ value, yes, no }: { value: boolean | null; yes: string; no: string }) {
  if (value === null) return null;
  return (
    <Badge small severity={value ? "success" : "error"} noIcon={false} className={fr.cx("fr-mb-1v")}>
      {value ? yes : no}
    </Badge>
  );
}

/** A row's checkbox in DSFR's markup for a fixed cell: the box sits in the cell's margin, level with the row, its label read out but not shown. */
function SelectionBox({
  id,
  checked,
  onChange,
  label,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
}) {
  return (
    <div className={fr.cx("fr-checkbox-group", "fr-checkbox-group--sm")}>
      <input type="checkbox" id={id} checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label className={fr.cx("fr-label")} htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

/** What the name cells read besides their row: the establishment, and the bulk action's refusals by professional. */
const NameCellContext = createContext<{ establishmentId: string; refusals: ReadonlyMap<string, string> }>({
  establishmentId: "",
  refusals: new Map(),
});

function NameCell({ row }: { row: { original: RosterTableRow } }) {
  const { establishmentId, refusals } = useContext(NameCellContext);
  return (
    <>
      <Link href={`/etablissements/${establishmentId}/professionnels/${row.original.id}`}>
        {row.original.lastName} {row.original.firstName}
      </Link>
      {row.original.activityEnd ? (
        <span className={fr.cx("fr-hint-text")}>Fin d&apos;activité : {formatNumericCalendarDate(row.original.activityEnd)}</span>
      ) : null}
      {refusals.has(row.original.id) ? (
        <p className={fr.cx("fr-error-text")} id={`refusal-${row.original.id}`}>
          {refusals.get(row.original.id)}
        </p>
      ) : null}
    </>
  );
}

/**
 * Built once per process, not per render: a server render builds the table once per request, so
 * columns made in the component were made again for every answer. The name cell reads what varies
 * (the establishment, the refusals) from `NameCellContext`.
 */
const COLUMNS = helper.columns([
  helper.accessor("lastName", {
    id: "name",
    header: "Nom",
    cell: NameCell,
  }),
  helper.accessor("profession", { header: "Profession" }),
  helper.accessor("population", { header: "Population" }),
  helper.accessor("rpps", {
    header: "RPPS",
    cell: ({ row }) => (
      <>
        {row.original.rpps ?? "–"}
        <span className={fr.cx("fr-hint-text")}>{row.original.rppsStatus}</span>
      </>
    ),
  }),
  helper.accessor("mie", {
    header: "MIE",
    enableSorting: false,
    cell: ({ getValue }) => (getValue().length ? getValue().join(", ") : "Aucun"),
  }),
  helper.display({
    id: "verdict",
    header: "Conformité",
    cell: ({ row }) => {
      const { verdict } = row.original;
      if (!verdict.active) return <span className={fr.cx("fr-hint-text")}>Hors activité</span>;
      return (
        <>
          <Verdict value={verdict.rieCompliant} yes="MIE conforme" no="MIE non conforme" />{" "}
          <Verdict value={verdict.dmpReady} yes="Accès DMP" no="Pas d'accès DMP" />{" "}
          <Verdict value={verdict.identitySubstantial} yes="Identité substantielle" no="Identité à vérifier" />
        </>
      );
    },
  }),
  helper.display({
    id: "missing",
    header: "À faire",
    cell: ({ row }) => {
      const missing = row.original.verdict.missing;
      if (missing.length === 0) return row.original.verdict.active ? "Rien" : "";
      return (
        <ul className={fr.cx("fr-text--sm", "fr-mb-0")}>
          {missing.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      );
    },
  }),
  helper.accessor("activityStart", {
    id: "activity",
    header: "Début d'activité",
    cell: ({ getValue }) => formatNumericCalendarDate(getValue()),
  }),
]);

export function RosterTable({
  establishmentId,
  rows,
  sort,
  canEdit,
  mieOptions,
  today,
}: {
  establishmentId: string;
  rows: RosterTableRow[];
  sort: { id: RosterSort; desc: boolean };
  canEdit: boolean;
  mieOptions: Array<{ value: string; label: string }>;
  today: string;
}) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [refusals, setRefusals] = useState<ReadonlyMap<string, string>>(new Map());
  const nameCell = useMemo(() => ({ establishmentId, refusals }), [establishmentId, refusals]);
  const sortColumn = Object.entries(SORTABLE).find(([, key]) => key === sort.id)?.[0] ?? "name";
  const sorting: SortingState = [{ id: sortColumn, desc: sort.desc }];

  const table = useTable({
    features,
    columns: COLUMNS,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting, rowSelection },
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    onRowSelectionChange: setRowSelection,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const [first] = next;
      const key = first ? SORTABLE[first.id] : undefined;
      if (!first || !key) return;
      const params = new URLSearchParams(searchParams.toString());
      params.set("sort", key);
      params.set("dir", first.desc ? "desc" : "asc");
      params.delete("page");
      router.push(`/etablissements/${establishmentId}/professionnels?${params.toString()}`);
    },
  });
  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);

  return (
    <>
      {canEdit ? (
        <BulkActionPanel
          establishmentId={establishmentId}
          selectedIds={selectedIds}
          mieOptions={mieOptions}
          today={today}
          onDone={(refused) => {
            setRefusals(new Map(refused.map((refusal) => [refusal.id, refusal.message])));
            if (refused.length === 0) {
              setRowSelection({});
              router.refresh();
            }
          }}
        />
      ) : null}
      <DataTable caption="Professionnels du registre" hideCaption small multiline>
        <NameCellContext.Provider value={nameCell}>
          <SortedTableSections
            table={table}
            sortable={SORTABLE_COLUMNS}
            rowHeader="name"
            // The name column stays in view when the table scrolls sideways, with the row's checkbox in it.
            fixed
            selection={
              canEdit
                ? {
                    header: (
                      <SelectionBox
                        id="roster-select-all"
                        checked={table.getIsAllPageRowsSelected()}
                        onChange={(checked) => table.toggleAllPageRowsSelected(checked)}
                        label="Sélectionner tous les professionnels de la page"
                      />
                    ),
                    cell: (row) => (
                      <SelectionBox
                        id={`select-${row.id}`}
                        checked={row.getIsSelected()}
                        onChange={(checked) => row.toggleSelected(checked)}
                        label={`Sélectionner ${row.original.firstName} ${row.original.lastName}`}
                      />
                    ),
                    isSelected: (row) => row.getIsSelected(),
                  }
                : undefined
            }
          />
        </NameCellContext.Provider>
      </DataTable>
    </>
  );
}
