/** The controls a keyboard user acts on, as a selector: where the focus is given when a place is reached. */
export const FOCUSABLE_CONTROL =
  "input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])";

/**
 * Gives the focus to an element, made focusable by script only (`tabIndex = -1`) when it is not a
 * control: a heading or a message that should be read next, after the control that had the focus
 * was disabled or removed (RGAA 12.8).
 */
export function giveFocus(element: HTMLElement | null | undefined): void {
  if (!element) return;
  if (element.tabIndex < 0 && !element.hasAttribute("tabindex")) element.tabIndex = -1;
  element.focus();
  // The browser scrolls no further than needed: a tall element whose start is above the view (a
  // table's rows, reached from the page links below them) would be shown from its middle.
  if (element.getBoundingClientRect().top < 0) element.scrollIntoView({ block: "start" });
}

/** The page's title, which a refresh keeps in place while the rest of the page changes. */
export function focusPageHeading(): void {
  giveFocus(document.querySelector<HTMLElement>("main h1"));
}
