import { flushSync } from "react-dom";
import { FOCUSABLE_CONTROL } from "./give-focus";

/**
 * A row of a repeated list: the element marked `data-list-row` (a line of a fieldset, which may hold
 * a fieldset of its own), else its fieldset.
 */
function rowOf(button: HTMLElement): Element | null {
  return button.closest("[data-list-row]") ?? button.closest("fieldset");
}

function focusableIn(element: Element | undefined): HTMLElement | null {
  if (!element) return null;
  const target = element.matches(FOCUSABLE_CONTROL) ? element : element.querySelector(FOCUSABLE_CONTROL);
  return target instanceof HTMLElement ? target : null;
}

/**
 * Removes a row of a repeated list (the row holding `button`, its « Retirer » button) and
 * gives the focus that button held to the row that takes its place, or else to what follows the
 * list (its « Ajouter » button), or to the row before. Without it the focus falls to the page's
 * body and a keyboard user starts again from the header (RGAA 12.8).
 */
export function removeRowKeepingFocus(button: HTMLElement, remove: () => void): void {
  const row = rowOf(button);
  const list = row?.parentElement;
  if (!row || !list) return remove();
  const position = Array.prototype.indexOf.call(list.children, row);
  // The row must be gone from the page before the next one can be found in its place.
  flushSync(remove);
  const siblings = [...list.children];
  const order = [...siblings.slice(position), ...siblings.slice(0, position).reverse()];
  for (const sibling of order) {
    const target = focusableIn(sibling);
    if (target) return target.focus();
  }
}

/**
 * Moves a row of a repeated list with its « Monter » or « Descendre » button (`button`). A row
 * moved to the top or the bottom disables the button just used, which drops the focus to the
 * page's body: it goes to the row's other enabled button instead.
 */
export function moveRowKeepingFocus(button: HTMLButtonElement, move: () => void): void {
  const row = rowOf(button);
  flushSync(move);
  if (!button.disabled) return;
  const other = [...(row?.querySelectorAll("button") ?? [])].find((candidate) => candidate !== button && !candidate.disabled);
  other?.focus();
}
