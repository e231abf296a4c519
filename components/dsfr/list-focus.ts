import { giveFocus } from "@/components/forms/give-focus";

/** A list's rows: the scrolling frame of its table (`DataTable`), focusable and named after its caption. */
const ROWS = "main [role='region'][tabindex]";
/** What opens a list's results, first to last: its count (« 12 dossiers »), its rows, or a heading. */
const RESULTS = `main [role='status'], ${ROWS}, main h2`;

/**
 * Where the reader of a list is taken when the list changed and the control they used is gone (a
 * page link on the last page, « Réinitialiser les filtres » on the whole list) or the page was loaded
 * anew (« Filtrer », a GET form): the focus fell to the document, and the next Tab started from the
 * top of the page or led past the list (RGAA 12.8). It goes to the list's results instead, beside the
 * control: `"before"` it (page links, under the rows), the last rows' frame; `"after"` it (the
 * filters, above the list), the first shown of the list's count, which says how many results there
 * are, its rows' frame or a heading (a dashboard's first section). The page's title when there is
 * none. A control that still has the focus, or whatever the reader moved it to, keeps it.
 */
export function focusListResults(control: Element, where: "before" | "after"): void {
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) return;
  const side = where === "before" ? Node.DOCUMENT_POSITION_FOLLOWING : Node.DOCUMENT_POSITION_PRECEDING;
  const beside = [...document.querySelectorAll<HTMLElement>(where === "before" ? ROWS : RESULTS)].filter(
    (element) =>
      element.compareDocumentPosition(control) & side &&
      !control.contains(element) &&
      element.getClientRects().length > 0 &&
      element.textContent?.trim() !== "",
  );
  giveFocus((where === "before" ? beside.at(-1) : beside[0]) ?? document.querySelector<HTMLElement>("main h1"));
}
