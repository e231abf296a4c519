"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRouter } from "next/navigation";
import { useState } from "react";
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

  async function submit() {
    if (!window.confirm("Déposer le dossier ? Une fois déposé, il ne pourra plus être modifié.")) return;
    setPending(true);
    setError(null);
    try {
      await callApi(`/api/applications/${applicationId}/submission`, "POST", { idempotencyKey });
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
