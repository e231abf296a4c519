"use client";

import { useEffect } from "react";
import { FOCUSABLE_CONTROL, giveFocus } from "./give-focus";

/**
 * The box that holds a control and the words that name it: a DSFR field group (label, hint, control,
 * error) or a fieldset (legend, then its options).
 */
const LABELLED_GROUP = ".fr-input-group, .fr-select-group, .fr-upload-group, .fr-fieldset";

/**
 * A link to a field (« Avant de déposer, complétez : … ») puts the focus in it, not only the
 * scroll: following a fragment moves the view, but the next Tab would start from wherever the
 * browser chose (RGAA 12.8). The named element takes the focus if it is a control, else its first
 * control, else itself (a section's heading).
 *
 * The browser, and Next.js after a link, scroll the named element to the top of the window: a field's
 * label, above it, was left off screen, and at 320 px a person saw an empty field without what to
 * type in it. The field's group, its label first, is scrolled to the top instead (the named element
 * itself when it is not a control: an objective's block, a heading), after the focus has moved, so
 * that nothing scrolls it away again.
 */
export function useFocusOnFragment() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    const isControl = target.matches(FOCUSABLE_CONTROL);
    const control = isControl ? target : target.querySelector<HTMLElement>(FOCUSABLE_CONTROL);
    giveFocus(control ?? target);
    const labelled = isControl ? (target.closest<HTMLElement>(LABELLED_GROUP) ?? target) : target;
    labelled.scrollIntoView({ block: "start" });
  }, []);
}
