"use client";

import { createContext, createElement, type ReactNode, useContext, useRef, useState } from "react";

/** Saves accepted from this page: the version each was made on → the version it answered. */
type Saves = Map<number, number>;

/**
 * The version a form's values come from: the one the form mounted with, moved on through each save
 * accepted from the page on that version (`saves`), to the version it answered. A save that changed
 * nothing answers the version it was made on, and is no step.
 */
export function versionOfValues(mounted: number, saves: ReadonlyMap<number, number>): number {
  let version = mounted;
  for (let next = saves.get(version); next !== undefined && next > version; next = saves.get(version)) version = next;
  return version;
}

const ScopeSaves = createContext<Saves | null>(null);

/**
 * Around the forms of one record on one page, each editing fields of its own (the wave page's
 * settings, grid and targets): a save by one of them changed none of the others' fields, so it
 * moves their version on too, and saving one then another is not refused as someone else's change.
 */
export function KnownVersionScope({ children }: { children: ReactNode }) {
  const [saves] = useState<Saves>(() => new Map());
  return createElement(ScopeSaves.Provider, { value: saves }, children);
}

/**
 * The version of the record a form that stays on its page sends as `expectedVersion`: the one its
 * values come from (`versionOfValues`). react-hook-form reads `defaultValues` once, so that is the
 * version the page had when the form mounted (`loaded` at the first render), then the version each
 * of the form's own saves answered (`saved(sent, answered)`), or a save of another form of the
 * same `KnownVersionScope`. Two saves in a row are both accepted, whether or not the page's refresh
 * after the first has landed. A newer `loaded` from a refresh is never taken: the refresh brings
 * someone else's change to the page, not to the form's fields, and saving those must be refused as
 * « modifiée par une autre personne » rather than silently undo that change.
 */
export function useKnownVersion(loaded: number) {
  const mounted = useRef(loaded);
  const own = useRef<Saves>(null);
  const shared = useContext(ScopeSaves);
  const saves = () => shared ?? (own.current ??= new Map());
  return {
    current: () => versionOfValues(mounted.current, saves()),
    saved: (sent: number, answered: number) => {
      if (answered > sent) saves().set(sent, answered);
    },
  };
}
