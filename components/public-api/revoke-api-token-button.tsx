"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/http/api-client";

/** Revokes one token at once: its next call is refused. */
export function RevokeApiTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function revoke() {
    if (!window.confirm(`Révoquer le jeton « ${name} » ? Les systèmes qui l'utilisent n'auront plus accès à l'API.`)) return;
    setPending(true);
    setError(null);
    try {
      await callApi(`/api/api-tokens/${tokenId}`, "DELETE");
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button size="small" priority="secondary" disabled={pending} onClick={revoke}>
        Révoquer<span className="fr-sr-only"> le jeton {name}</span>
      </Button>
      {error ? (
        <p className="fr-error-text" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
