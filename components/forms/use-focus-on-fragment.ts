"use client";

import { useEffect } from "react";
import { FOCUSABLE_CONTROL, giveFocus } from "./give-focus";

/**
 * A link to a field (« Avant de déposer, complétez : … ») puts the focus in it, not only the
 * scroll: following a fragment moves the view, but the next Tab would start from wherever the
 * browser chose (RGAA 12.8). The named element takes the focus if it is a control, else its first
 * control, else itself (a section's heading).
 */
export function useFocusOnFragment() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    const control = target.matches(FOCUSABLE_CONTROL) ? target : target.querySelector<HTMLElement>(FOCUSABLE_CONTROL);
    giveFocus(control ?? target);
  }, []);
}
