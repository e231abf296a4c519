"use client";

import { useEffect, useRef } from "react";

/**
 * A control disabled while its work runs drops the keyboard focus to the page's body: this gives it
 * back once `busy` is over, unless something else took it meanwhile (a field in error, a dialog).
 * Call the returned function with the control when the work starts.
 */
export function useFocusBack(busy: boolean): (control: HTMLElement | null) => void {
  const control = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (busy || !control.current) return;
    if (document.activeElement === document.body || document.activeElement === null) control.current.focus();
    control.current = null;
  }, [busy]);
  return (element) => {
    control.current = element;
  };
}
