import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

/**
 * The DSFR positions `.fr-table__wrapper`, around the scrolling container, so that the table's
 * borders and the outline of selected rows stay in place while it scrolls; an absolutely positioned
 * descendant (the `fr-sr-only` words of a button or link in a cell) takes it as its containing block
 * too, escapes the container's scrolling, and widened the whole page at its place in the last
 * columns (RGAA 10.11: 1,100 px at 375 px on « Utilisateurs de l'ANS »). `OUTER_FRAME` clips what
 * overflows sideways beyond the table, a focus ring's width away (4 px, the DSFR's outline and its
 * offset) so that the container's own focus ring shows whole; it is not a scroll container, so
 * nothing scrolls the table out of place.
 */
const OUTER_FRAME = { overflowX: "clip", paddingInline: "0.25rem", marginInline: "-0.25rem" } as const;

/**
 * A DSFR table (markup of DSFR 1.12+): its scrolling container is focusable and named after the
 * caption, so a keyboard user can scroll a wide table (RGAA 7.3, axe scrollable-region-focusable).
 * `children` are the <thead> and <tbody>. A wide table scrolls inside its own frame; `multiline`
 * lets long cells wrap so that it needs less room, and a first column of row headers with
 * `fr-cell--fixed` stays in view while it scrolls.
 */
export function DataTable({
  caption,
  hideCaption = false,
  small = false,
  multiline = false,
  children,
}: {
  caption: string;
  hideCaption?: boolean;
  small?: boolean;
  multiline?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={fr.cx("fr-table", { "fr-table--no-caption": hideCaption, "fr-table--sm": small, "fr-table--multiline": multiline })}
      style={OUTER_FRAME}
    >
      <div className={fr.cx("fr-table__wrapper")}>
        <div className={fr.cx("fr-table__container")} tabIndex={0} role="region" aria-label={caption}>
          <div className={fr.cx("fr-table__content")}>
            <table>
              <caption>{caption}</caption>
              {children}
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
