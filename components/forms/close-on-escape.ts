import type { KeyboardEvent } from "react";

/**
 * For the keydown handler of a panel that opens in place (a confirmation, a short form) and closes
 * with its « Annuler » button: Escape closes it too, as it closes the app's menus and dialogs.
 * `close` is what « Annuler » does, giving the focus back to the button that opened the panel.
 */
export function closeOnEscape(event: KeyboardEvent, close: () => void): void {
  if (event.key !== "Escape" || event.defaultPrevented) return;
  event.preventDefault();
  close();
}
