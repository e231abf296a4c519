"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { createContext, type ReactNode, useCallback, useContext, useState } from "react";

type Announce = (message: string | null, options?: { focusHeading?: boolean }) => void;

const AnnounceContext = createContext<Announce>(() => {});

/**
 * The outcome of a manager's action on an assignment (a review's follow-up, a manual assignment),
 * said in a status message that outlives the row (a removed assignment's row, and its button, are
 * gone after the refresh). `focusHeading` puts the focus on the section's heading (tabIndex -1)
 * when the control that had it disappears; a `null` message only moves the focus.
 */
export function FollowUpAnnouncer({ headingId, children }: { headingId: string; children: ReactNode }) {
  const [message, setMessage] = useState("");
  const announce = useCallback<Announce>(
    (text, options) => {
      if (text !== null) setMessage(text);
      if (options?.focusHeading) document.getElementById(headingId)?.focus();
    },
    [headingId],
  );
  return (
    <AnnounceContext value={announce}>
      <p role="status" className={fr.cx("fr-text--sm", message ? "fr-mb-2w" : "fr-mb-0")}>
        {message}
      </p>
      {children}
    </AnnounceContext>
  );
}

export function useFollowUpAnnouncer(): Announce {
  return useContext(AnnounceContext);
}
