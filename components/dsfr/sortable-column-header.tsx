"use client";

import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

/** A column's sort: its direction, or `false` when the table is sorted by another column. */
export type SortDirection = false | "asc" | "desc";

/** The header's `aria-sort`: "none" for a column that can be sorted but is not, nothing for one that cannot. */
function ariaSort(direction: SortDirection, sortable: boolean): "ascending" | "descending" | "none" | undefined {
  return direction === "asc" ? "ascending" : direction === "desc" ? "descending" : sortable ? "none" : undefined;
}

/**
 * A column header of the server-sorted tables: a button that toggles the sort (its direction
 * drawn for sight, said for screen readers) with the matching `aria-sort`, or the plain label for
 * a column that cannot be sorted. `before` goes ahead of the label (a selection box).
 */
export function SortableColumnHeader({
  sortable,
  direction,
  onToggle,
  className,
  before,
  children,
}: {
  sortable: boolean;
  direction: SortDirection;
  onToggle: ((event: unknown) => void) | undefined;
  className?: string;
  before?: ReactNode;
  children: ReactNode;
}) {
  return (
    <th scope="col" className={className} aria-sort={ariaSort(direction, sortable)}>
      {before}
      {sortable ? (
        <button type="button" className={fr.cx("fr-btn", "fr-btn--tertiary-no-outline", "fr-btn--sm")} onClick={onToggle}>
          {children}
          <span aria-hidden="true">{direction === "asc" ? " ▲" : direction === "desc" ? " ▼" : " ↕"}</span>
          <span className={fr.cx("fr-sr-only")}>{direction ? ", trier dans l'autre sens" : ", trier"}</span>
        </button>
      ) : (
        children
      )}
    </th>
  );
}
