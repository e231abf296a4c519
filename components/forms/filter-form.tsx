import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { FilterChangeFocus } from "./filter-change-focus";

type ColumnWidth = 2 | 3 | 4 | 5 | 6 | 8 | 12;

/**
 * A list's filters: a GET form (the filters stay in the address, so a filtered list can be
 * bookmarked and shared) whose fields sit in one DSFR grid row, bottom-aligned, and whose last
 * column holds the « Filtrer » button, the way back to the whole list while a filter is set, then
 * whatever acts on the filtered list (its exports). Once the list is filtered or reset, the focus is
 * on its results (`FilterChangeFocus`): the list's count, a `role="status"` paragraph right after the
 * form, which says how many there are.
 */
export function FilterForm({
  label,
  children,
  submitWidth,
  submitLabel = "Filtrer",
  beforeSubmit,
  afterSubmit,
  resetHref,
  spacing = "fr-mb-3w",
}: {
  /** Names the form for assistive technologies: « Filtrer les dossiers ». */
  label: string;
  children: ReactNode;
  /** The button's column width when it shares the fields' row; alone on its row otherwise. */
  submitWidth?: ColumnWidth;
  submitLabel?: string;
  beforeSubmit?: ReactNode;
  afterSubmit?: ReactNode;
  /** `filterResetHref` of the list: none while no filter is set. */
  resetHref?: string;
  spacing?: "fr-mb-2w" | "fr-mb-3w" | "fr-mb-4w";
}) {
  return (
    <form method="get" className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom", spacing)} aria-label={label}>
      {children}
      <FilterField width={submitWidth ?? 12}>
        {beforeSubmit}
        <Button type="submit" iconId="fr-icon-filter-line">
          {submitLabel}
        </Button>
        {resetHref ? (
          <>
            {" "}
            <Link className={fr.cx("fr-btn", "fr-btn--tertiary")} href={resetHref as Route} data-filter-reset>
              Réinitialiser les filtres
            </Link>
          </>
        ) : null}
        {afterSubmit ? <> {afterSubmit}</> : null}
      </FilterField>
      <FilterChangeFocus />
    </form>
  );
}

/**
 * One field of a FilterForm: the whole width on a phone (half with `halfOnPhone`, for the two
 * dates of a period), `width` twelfths from the medium breakpoint.
 */
export function FilterField({ width, halfOnPhone = false, children }: { width: ColumnWidth; halfOnPhone?: boolean; children: ReactNode }) {
  return <div className={fr.cx(halfOnPhone ? "fr-col-6" : "fr-col-12", width === 12 ? null : `fr-col-md-${width}`)}>{children}</div>;
}
