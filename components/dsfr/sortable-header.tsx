"use client";

import type { ReactTable, RowData, TableFeature, TableFeatures } from "@tanstack/react-table";
// The static forms of the column's sorting API: its methods are not typed on a table of features left generic.
import { column_getIsSorted, column_getToggleSortingHandler } from "@tanstack/react-table/static-functions";
import { SortableColumnHeader } from "./sortable-column-header";

type SortingFeatures = TableFeatures & { rowSortingFeature: TableFeature };

/**
 * The <thead> and <tbody> of a server-sorted TanStack table (put them in a `DataTable`): column
 * headers with their sort buttons and `aria-sort`, then one row per record whose `rowHeader` cell
 * is the row's header.
 */
export function SortedTableSections<TFeatures extends SortingFeatures, TData extends RowData>({
  table,
  sortable,
  rowHeader,
}: {
  table: ReactTable<TFeatures, TData>;
  /** The ids of the columns the server can sort by. */
  sortable: ReadonlySet<string>;
  /** The id of the column whose cells name their rows. */
  rowHeader: string;
}) {
  return (
    <>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <SortableColumnHeader
                key={header.id}
                sortable={sortable.has(header.column.id)}
                direction={column_getIsSorted(header.column)}
                onToggle={column_getToggleSortingHandler(header.column)}
              >
                <table.FlexRender header={header} />
              </SortableColumnHeader>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getAllCells().map((cell) =>
              cell.column.id === rowHeader ? (
                <th key={cell.id} scope="row">
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
