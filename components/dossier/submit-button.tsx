"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { focusPageHeading } from "@/components/forms/give-focus";
import { ApiError, callApi } from "@/lib/http/api-client";

/**
 * Submits the dossier. The idempotency key is drawn once per page: a double click, a retry after a
 * network failure, or two tabs' clicks of the same page make one submission.
 */
export function SubmitButton({ applicationId, disabled }: { applicationId: string; disabled: boolean }) {
  const router = useRouter();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; missing: Array<{ message: string }> } | null>(null);
  // The button goes with the draft, and the focus with it: the page's title, which stays and carries
  // the dossier's state, takes it once the refreshed page has removed the button, so that a screen
  // reader reads « Déposé » (as for the other moves of the dossier, `TransitionPanel`).
  const submitted = useRef(false);
  useEffect(
    () => () => {
      if (submitted.current) focusPageHeading();
    },
    [],
  );

  async function submit() {
    if (!window.confirm("Déposer le dossier ? Une fois déposé, il ne pourra plus être modifié.")) return;
    setPending(true);
    setError(null);
    try {
      await callApi(`/api/applications/${applicationId}/submission`, "POST", { idempotencyKey });
      submitted.current = true;
      router.refresh();
    } catch (caught) {
      const missing = caught instanceof ApiError ? ((caught.details.missing as Array<{ message: string }>) ?? []) : [];
      setError({ message: (caught as Error).message, missing });
      setPending(false);
    }
  }

  return (
    <>
      <div aria-live="assertive">
        {error ? (
          <Alert
            role={undefined}
            severity="error"
            title="Le dossier n'a pas été déposé"
            description={
              <>
                {error.message}
                {error.missing.length > 0 ? (
                  <ul>
                    {error.missing.map((item) => (
                      <li key={item.message}>{item.message}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            }
            className="fr-mb-2w"
          />
        ) : null}
      </div>
      <Button iconId="fr-icon-send-plane-line" onClick={submit} disabled={disabled || pending}>
        {pending ? "Dépôt en cours…" : "Déposer le dossier"}
      </Button>
    </>
  );
}
