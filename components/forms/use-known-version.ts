import { useRef } from "react";

/**
 * The version of the record a form that stays on its page sends as `expectedVersion`: the newer of
 * the one the page loaded (`loaded`, which `router.refresh()` brings up to date once it lands) and
 * the one the form's own last save answered (`saved(version)`). A form's `defaultValues` are read
 * once, and the refreshed page arrives after the save's message: sending either alone refused a
 * second save in a row as « modifiée par une autre personne ». Versions only go up, so the newer
 * is the right one; a change by someone else since then still raises the stored version past it.
 */
export function useKnownVersion(loaded: number) {
  const saved = useRef(0);
  return {
    current: () => Math.max(loaded, saved.current),
    saved: (version: number) => {
      saved.current = Math.max(saved.current, version);
    },
  };
}
