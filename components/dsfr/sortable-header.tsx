"use client";

import { fr } from "@codegouvfr/react-dsfr";
import type { ReactTable, Row, RowData, TableFeature, TableFeatures } from "@tanstack/react-table";
// The static forms of the column's sorting API: its methods are not typed on a table of features left generic.
import { column_getIsSorted, column_getToggleSortingHandler } from "@tanstack/react-table/static-functions";
import type { ReactNode } from "react";

/** A column's sort as TanStack Table reports it (`column.getIsSorted()`). */
type Direction = false | "asc" | "desc";

/** The header's `aria-sort`: "none" for a column that can be sorted but is not, nothing for one that cannot. */
function ariaSort(direction: Direction, sortable: boolean): "ascending" | "descending" | "none" | undefined {
  return direction === "asc" ? "ascending" : direction === "desc" ? "descending" : sortable ? "none" : undefined;
}

/**
 * A column header's label for the server-sorted tables: a button that toggles the sort (its
 * direction drawn for sight, said for screen readers), or the plain label for a column that
 * cannot be sorted.
 */
function SortableHeaderLabel({
  sortable,
  direction,
  onToggle,
  children,
}: {
  sortable: boolean;
  direction: Direction;
  onToggle: ((event: unknown) => void) | undefined;
  children: ReactNode;
}) {
  if (!sortable) return children;
  return (
    <button type="button" className={fr.cx("fr-btn", "fr-btn--tertiary-no-outline", "fr-btn--sm")} onClick={onToggle}>
      {children}
      <span aria-hidden="true">{direction === "asc" ? " ▲" : direction === "desc" ? " ▼" : " ↕"}</span>
      <span className={fr.cx("fr-sr-only")}>{direction ? ", trier dans l'autre sens" : ", trier"}</span>
    </button>
  );
}

type SortingFeatures = TableFeatures & { rowSortingFeature: TableFeature };

/**
 * The <thead> and <tbody> of a server-sorted table (put them in a `DataTable`): column headers
 * with their sort buttons and `aria-sort`, then one row per record whose `rowHeader` cell is the
 * row's header. `fixed` keeps that column in view while the table scrolls sideways; `selection`
 * puts a table's selection boxes in it and says which rows are selected.
 */
export function SortedTableSections<TFeatures extends SortingFeatures, TData extends RowData>({
  table,
  sortable,
  rowHeader,
  fixed = false,
  selection,
}: {
  table: ReactTable<TFeatures, TData>;
  /** The ids of the columns the server can sort by. */
  sortable: ReadonlySet<string>;
  /** The id of the column whose cells name their rows. */
  rowHeader: string;
  fixed?: boolean;
  selection?: { header: ReactNode; cell: (row: Row<TFeatures, TData>) => ReactNode; isSelected: (row: Row<TFeatures, TData>) => boolean };
}) {
  const rowHeaderClass = fixed ? fr.cx("fr-cell--fixed", "fr-col--md") : undefined;
  return (
    <>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const canSort = sortable.has(header.column.id);
              const direction = column_getIsSorted(header.column);
              const isRowHeader = header.column.id === rowHeader;
              return (
                <th
                  key={header.id}
                  scope="col"
                  className={isRowHeader ? rowHeaderClass : undefined}
                  aria-sort={ariaSort(direction, canSort)}
                >
                  {isRowHeader ? selection?.header : null}
                  <SortableHeaderLabel sortable={canSort} direction={direction} onToggle={column_getToggleSortingHandler(header.column)}>
                    <table.FlexRender header={header} />
                  </SortableHeaderLabel>
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} aria-selected={selection?.isSelected(row)}>
            {row.getAllCells().map((cell) =>
              cell.column.id === rowHeader ? (
                <th key={cell.id} scope="row" className={rowHeaderClass}>
                  {selection?.cell(row)}
                  <table.FlexRender cell={cell} />
                </th>
              ) : (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </>
  );
}
