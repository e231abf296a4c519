"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@/components/dsfr/badge";
import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { DataTable } from "@/components/dsfr/data-table";
import { SortableColumnHeader } from "@/components/dsfr/sortable-column-header";
import { useServerSorting } from "@/components/dsfr/use-server-sorting";
import { ACTIVITY_LABELS, NOTHING_MISSING_LABEL, VERDICT_LABELS, verdictLabel } from "@/lib/roster/labels";
import type { RosterTableRow, RosterSort } from "@/lib/roster/list-professionals";
import { formatNumericCalendarDate } from "@/lib/time/paris";
import { BulkActionPanel } from "./bulk-action-panel";

/**
 * The roster table. The server owns the rows (sorted, filtered and paginated by the database) and
 * the URL the sort, so a sort is a navigation; this component owns only the selection. It renders
 * its page of rows directly, without a TanStack table instance: the instance's row model and cell
 * APIs, built again by every server render of the page, served nothing that a page of rows sorted
 * elsewhere needs (ADR 0026).
 */
type Column = { id: string; header: string; cell: (row: RosterTableRow) => ReactNode; className?: string };

/**
 * A column of sentences or badges keeps the DSFR's medium width (12.5rem) and wraps inside it: left
 * to the multiline table, « À faire » shrank to its longest word on a phone (« d'authentification »)
 * and a professional with four gaps took a row over 1,000 px tall at 320 px. The table scrolls
 * sideways in its own frame instead (RGAA 10.11), and 12.5rem still fits in that frame at 320 px.
 */
const TEXT_COLUMN = fr.cx("fr-col--md");

/** The server's sort behind each sortable column's header button. */
const SORT_KEYS = {
  name: "name",
  profession: "profession",
  population: "population",
  rpps: "rppsStatus",
  activity: "activityStart",
} as const satisfies Record<string, RosterSort>;

function Verdict({ value, labels }: { value: boolean | null; labels: { yes: string; no: string } }) {
  const label = verdictLabel(value, labels);
  if (label === null) return null;
  return (
    <Badge small severity={value ? "success" : "error"} noIcon={false} className={fr.cx("fr-mb-1v")}>
      {label}
    </Badge>
  );
}

/** A row's checkbox in DSFR's markup for a fixed cell: the box sits in the cell's margin, level with the row, its label read out but not shown. */
function SelectionBox({
  id,
  checked,
  onChange,
  label,
  refusalId,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  /** The id of the bulk action's refusal for this row, when it was refused: the box is the one to change. */
  refusalId?: string;
}) {
  return (
    <div className={fr.cx("fr-checkbox-group", "fr-checkbox-group--sm")}>
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={refusalId ? true : undefined}
        aria-describedby={refusalId}
      />
      <label className={fr.cx("fr-label")} htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

const refusalId = (rowId: string) => `refusal-${rowId}`;

/** The row header's cell: the name links to the professional's page, with the bulk action's refusal for them if any. */
function NameCell({ row, establishmentId, refusal }: { row: RosterTableRow; establishmentId: string; refusal: string | undefined }) {
  return (
    <>
      <Link href={`/etablissements/${establishmentId}/professionnels/${row.id}`}>
        {row.lastName} {row.firstName}
      </Link>
      {row.activityEnd ? (
        <span className={fr.cx("fr-hint-text")}>Fin d&apos;activité : {formatNumericCalendarDate(row.activityEnd)}</span>
      ) : null}
      {refusal !== undefined ? (
        <p className={fr.cx("fr-error-text")} id={refusalId(row.id)}>
          {refusal}
        </p>
      ) : null}
    </>
  );
}

/** The columns after the name, which is the row's header. */
const COLUMNS: readonly Column[] = [
  { id: "profession", header: "Profession", cell: (row) => row.profession },
  { id: "population", header: "Population", cell: (row) => row.population },
  {
    id: "rpps",
    header: "RPPS",
    cell: (row) => (
      <>
        {row.rpps ?? "–"}
        <span className={fr.cx("fr-hint-text")}>{row.rppsStatus}</span>
      </>
    ),
  },
  { id: "mie", header: "MIE", cell: (row) => (row.mie.length ? row.mie.join(", ") : "Aucun") },
  {
    id: "verdict",
    header: "Conformité",
    className: TEXT_COLUMN,
    cell: ({ verdict }) => {
      if (!verdict.active) return <span className={fr.cx("fr-hint-text")}>{ACTIVITY_LABELS.inactive}</span>;
      return (
        <>
          <Verdict value={verdict.rieCompliant} labels={VERDICT_LABELS.rieCompliant} />{" "}
          <Verdict value={verdict.dmpReady} labels={VERDICT_LABELS.dmpReady} />{" "}
          <Verdict value={verdict.identitySubstantial} labels={VERDICT_LABELS.identitySubstantial} />
        </>
      );
    },
  },
  {
    id: "missing",
    header: "À faire",
    className: TEXT_COLUMN,
    cell: ({ verdict }) => {
      if (verdict.missing.length === 0) return verdict.active ? NOTHING_MISSING_LABEL : "";
      return (
        <ul className={fr.cx("fr-text--sm", "fr-mb-0")}>
          {verdict.missing.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      );
    },
  },
  { id: "activity", header: "Début d'activité", cell: (row) => formatNumericCalendarDate(row.activityStart) },
];

/**
 * The name column stays in view when the table scrolls sideways, with the row's checkbox in it,
 * from the DSFR's medium screens up (`fr-cell--fixed@md`, not in react-dsfr's class list): on a
 * phone it would take two thirds of the table's width and leave the other columns a sliver.
 */
const FIXED_CELL = `${fr.cx("fr-col--md")} fr-cell--fixed@md`;

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
  const { sorting, sortable, sortingOptions } = useServerSorting(
    SORT_KEYS,
    sort,
    `/etablissements/${establishmentId}/professionnels` as Route,
  );
  const [sorted] = sorting;
  // Kept across sorts and pages, as the bulk action applies to every professional selected.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [refusals, setRefusals] = useState<ReadonlyMap<string, string>>(new Map());
  const directionOf = (columnId: string) => (sorted?.id === columnId ? (sorted.desc ? "desc" : "asc") : false);
  /** A header's button, as TanStack Table's on a text column: the other direction for the sorted column, ascending for another. */
  const sortBy = (columnId: string) => sortingOptions.onSortingChange([{ id: columnId, desc: sorted?.id === columnId && !sorted.desc }]);
  const select = (ids: readonly string[], checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));

  return (
    <>
      {canEdit ? (
        <BulkActionPanel
          establishmentId={establishmentId}
          selectedIds={[...selected]}
          mieOptions={mieOptions}
          today={today}
          onDone={(refused) => {
            setRefusals(new Map(refused.map((refusal) => [refusal.id, refusal.message])));
            if (refused.length === 0) {
              setSelected(new Set());
              router.refresh();
            }
          }}
        />
      ) : null}
      <DataTable caption="Professionnels du registre" hideCaption small multiline>
        <thead>
          <tr>
            <SortableColumnHeader
              sortable
              direction={directionOf("name")}
              onToggle={() => sortBy("name")}
              className={FIXED_CELL}
              before={
                canEdit ? (
                  <SelectionBox
                    id="roster-select-all"
                    checked={allSelected}
                    onChange={(checked) =>
                      select(
                        rows.map((row) => row.id),
                        checked,
                      )
                    }
                    label="Sélectionner tous les professionnels de la page"
                  />
                ) : null
              }
            >
              Nom
            </SortableColumnHeader>
            {COLUMNS.map((column) => (
              <SortableColumnHeader
                key={column.id}
                sortable={sortable.has(column.id)}
                direction={directionOf(column.id)}
                onToggle={() => sortBy(column.id)}
                className={column.className}
              >
                {column.header}
              </SortableColumnHeader>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} aria-selected={canEdit ? selected.has(row.id) : undefined}>
              <th scope="row" className={FIXED_CELL}>
                {canEdit ? (
                  <SelectionBox
                    id={`select-${row.id}`}
                    checked={selected.has(row.id)}
                    onChange={(checked) => select([row.id], checked)}
                    label={`Sélectionner ${row.firstName} ${row.lastName}`}
                    refusalId={refusals.has(row.id) ? refusalId(row.id) : undefined}
                  />
                ) : null}
                <NameCell row={row} establishmentId={establishmentId} refusal={refusals.get(row.id)} />
              </th>
              {COLUMNS.map((column) => (
                <td key={column.id} className={column.className}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
