"use client";

import { useEffect } from "react";

/** react-dsfr's ids for the theme modal and for the button that opens it in the footer. */
const MODAL_ID = "fr-theme-modal";
const BUTTON_ID = "fr-theme-modal-control-button";

/**
 * What a keyboard user expects of the theme modal that the DSFR does not give:
 * - focus back on the footer's « Paramètres d'affichage » when the modal closes. react-dsfr also
 *   controls that modal through a hidden button, the first one the DSFR registers and the one it
 *   gives focus back to: a hidden button cannot take it, and focus stayed in the closed modal or
 *   fell to the page's body, where a keyboard user lost their place;
 * - Escape closes it while a theme's radio button has focus. The DSFR leaves Escape to any focused
 *   input, for the text fields that use it; a radio button has no use for it, and the modal's
 *   choices are radio buttons, so Escape did nothing once a theme was chosen.
 */
export function ThemeModalKeyboard() {
  useEffect(() => {
    const modal = document.getElementById(MODAL_ID);
    if (!modal) return;
    const giveBack = () =>
      requestAnimationFrame(() => {
        const focused = document.activeElement;
        if (focused === null || focused === document.body || modal.contains(focused)) document.getElementById(BUTTON_ID)?.focus();
      });
    const closeFromChoice = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !(event.target instanceof HTMLInputElement) || event.target.type !== "radio") return;
      modal.querySelector<HTMLButtonElement>("button[aria-controls]")?.click();
    };
    modal.addEventListener("dsfr.conceal", giveBack);
    modal.addEventListener("keydown", closeFromChoice);
    return () => {
      modal.removeEventListener("dsfr.conceal", giveBack);
      modal.removeEventListener("keydown", closeFromChoice);
    };
  }, []);
  return null;
}
