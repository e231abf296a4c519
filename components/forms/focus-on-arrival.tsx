"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { type ReactNode, useEffect, useRef } from "react";

/**
 * What an action led to, on the page it led to: it takes the focus when it appears, since the
 * control that had it is on the page left behind. Render it only for that arrival (a query
 * parameter the action set), not on every visit. The focus says it: a DSFR alert within takes no
 * role of its own (`role={undefined}`), which would say it again.
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

/**
 * The usual arrival: a success message saying what the action did, taking the focus. Give it a
 * `key` that changes with each action when the same page can be reached again with it.
 */
export function ArrivalNotice({ message }: { message: string }) {
  return (
    <FocusOnArrival>
      <Alert severity="success" small className={fr.cx("fr-mb-3w")} description={message} role={undefined} />
    </FocusOnArrival>
  );
}
