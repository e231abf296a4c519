"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * What an action led to, on the page it led to: it takes the focus when it appears, since the
 * control that had it is on the page left behind. Render it only for that arrival (a query
 * parameter the action set), not on every visit.
 */
export function FocusOnArrival({ children }: { children: ReactNode }) {
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => target.current?.focus(), []);
  return (
    <div ref={target} tabIndex={-1}>
      {children}
    </div>
  );
}
