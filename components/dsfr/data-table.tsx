import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

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
    <div className={fr.cx("fr-table", { "fr-table--no-caption": hideCaption, "fr-table--sm": small, "fr-table--multiline": multiline })}>
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
