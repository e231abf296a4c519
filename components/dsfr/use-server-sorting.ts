"use client";

import type { OnChangeFn, SortingState } from "@tanstack/react-table";
import type { Route } from "next";
import { useRouter, useSearchParams } from "next/navigation";

/**
 * The sort of a server-sorted table (rendered by `SortedTableSections`, sortable-header.tsx, or
 * with `SortableColumnHeader` as the roster does): the URL is the table's state. The table reads
 * the page's sort, one column at a time and never removed; a sort change is a navigation to `path`
 * with `sort` and `dir` set and the page reset, and the server sorts again. `columns` maps each
 * sortable column's id to the server's sort key; a sort no column shows (a default order) marks no
 * column. Spread `sortingOptions` into `useTable` beside `state: { sorting }` (the roster, which
 * has no table instance, calls `sortingOptions.onSortingChange` itself), and give `sortable` to
 * the headers.
 */
export function useServerSorting<TKey extends string>(
  columns: Readonly<Partial<Record<string, TKey>>>,
  sort: { id: string; desc: boolean },
  path: Route,
) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const column = Object.keys(columns).find((id) => columns[id] === sort.id);
  const sorting: SortingState = column === undefined ? [] : [{ id: column, desc: sort.desc }];
  const onSortingChange: OnChangeFn<SortingState> = (updater) => {
    const [first] = typeof updater === "function" ? updater(sorting) : updater;
    const key = first ? columns[first.id] : undefined;
    if (!first || !key) return;
    const params = new URLSearchParams(searchParams.toString());
    params.set("sort", key);
    params.set("dir", first.desc ? "desc" : "asc");
    params.delete("page");
    // The focus stays on the header just used: the view must stay there too, not go back to the top.
    router.push(`${path}?${params.toString()}` as Route, { scroll: false });
  };
  return {
    sorting,
    sortable: new Set(Object.keys(columns)),
    sortingOptions: { manualSorting: true, enableMultiSort: false, enableSortingRemoval: false, onSortingChange },
  };
}
