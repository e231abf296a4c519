"use client";

import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

/** A column's sort as TanStack Table reports it (`column.getIsSorted()`). */
type Direction = false | "asc" | "desc";

/** The header's `aria-sort`: "none" for a column that can be sorted but is not, nothing for one that cannot. */
export function ariaSort(direction: Direction, sortable: boolean): "ascending" | "descending" | "none" | undefined {
  return direction === "asc" ? "ascending" : direction === "desc" ? "descending" : sortable ? "none" : undefined;
}

/**
 * A column header's label for the server-sorted tables: a button that toggles the sort (its
 * direction drawn for sight, said for screen readers), or the plain label for a column that
 * cannot be sorted.
 */
export function SortableHeaderLabel({
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
