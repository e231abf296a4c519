"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { focusListResults } from "@/components/dsfr/list-focus";

/** This tab's note that a list's filters were applied or reset: the list's path. */
const APPLIED = "hc-filtres-appliques";

/** The filter form's reset link (`FilterForm` marks it). */
const RESET_LINK = "[data-filter-reset]";

function note(path: string | null): string | null {
  try {
    const noted = sessionStorage.getItem(APPLIED);
    if (path === null) sessionStorage.removeItem(APPLIED);
    else sessionStorage.setItem(APPLIED, path);
    return noted;
  } catch {
    // Storage refused (a browser's private mode): the focus stays where the browser puts it.
    return null;
  }
}

/**
 * After « Filtrer » (a GET form: the browser loads the filtered list anew, with or without script)
 * the focus started on the document, and after « Réinitialiser les filtres » (a link the whole list
 * no longer shows) it fell to it: a keyboard or screen reader user started again from the top, not
 * told how many results there were (RGAA 12.8). Either notes the list's path for this tab; the list,
 * once shown, takes the note and moves the focus to its results, the way page links do
 * (`focusListResults`): its count (« 3 dossiers »), read as it takes the focus.
 */
export function FilterChangeFocus() {
  const marker = useRef<HTMLSpanElement>(null);
  const path = usePathname();
  const query = useSearchParams().toString();
  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    const onSubmit = () => note(window.location.pathname);
    const onClick = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest(RESET_LINK)) note(window.location.pathname);
    };
    form.addEventListener("submit", onSubmit);
    form.addEventListener("click", onClick);
    return () => {
      form.removeEventListener("submit", onSubmit);
      form.removeEventListener("click", onClick);
    };
  }, []);
  useEffect(() => {
    if (note(null) === path && marker.current) focusListResults(marker.current.closest("form") ?? marker.current, "after");
  }, [path, query]);
  return <span ref={marker} hidden />;
}
