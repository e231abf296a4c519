"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/http/api-client";

/** Asks for the dossier export in the background (above the threshold), then shows « Mes exports », where its progress is. */
export function BackgroundExportButton({
  filters,
  format,
}: {
  filters: Record<string, string | number | undefined>;
  format: "csv" | "xlsx";
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function request() {
    setPending(true);
    setError(null);
    try {
      const { id } = await callApi<{ id: string }>("/api/exports", "POST", { ...filters, format });
      router.push(`/pilotage/exports?nouveau=${id}`);
    } catch (caught) {
      setError((caught as Error).message);
      setPending(false);
    }
  }

  return (
    <>
      <Button type="button" priority="secondary" iconId="fr-icon-download-line" disabled={pending} onClick={request}>
        Préparer l&apos;export {format.toUpperCase()}
      </Button>
      {error ? (
        <p className={fr.cx("fr-error-text")} role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
