"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/http/api-client";

/** Starts the establishment's dossier on the wave (the server screens eligibility again), then opens it. */
export function StartApplicationButton({ waveId, establishmentId }: { waveId: string; establishmentId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setPending(true);
    setError(null);
    try {
      const { applicationId } = await callApi<{ applicationId: string }>("/api/applications", "POST", { waveId, establishmentId });
      router.push(`/dossiers/${applicationId}`);
    } catch (caught) {
      setError((caught as Error).message);
      setPending(false);
    }
  }

  return (
    <>
      <div aria-live="assertive">
        {error ? <Alert severity="error" small description={error} className="fr-mb-2w" role={undefined} /> : null}
      </div>
      <Button iconId="fr-icon-file-add-line" onClick={start} disabled={pending}>
        {pending ? "Création du dossier…" : "Commencer le dossier"}
      </Button>
    </>
  );
}
