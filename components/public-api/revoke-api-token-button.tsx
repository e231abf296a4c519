"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { giveFocus } from "@/components/forms/give-focus";
import { useFocusBack } from "@/components/forms/use-focus-back";
import { callApi } from "@/lib/http/api-client";
import { apiTokenStateId } from "./token-state-id";

/** Revokes one token at once: its next call is refused. */
export function RevokeApiTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const focusBackTo = useFocusBack(pending);
  const revoked = useRef(false);
  // A revoked token's row loses this button on refresh: the focus goes to the row's new state.
  useEffect(
    () => () => {
      if (revoked.current) giveFocus(document.getElementById(apiTokenStateId(tokenId)));
    },
    [tokenId],
  );

  async function revoke(button: HTMLButtonElement) {
    if (!window.confirm(`Révoquer le jeton « ${name} » ? Les systèmes qui l'utilisent n'auront plus accès à l'API.`)) return;
    focusBackTo(button);
    setPending(true);
    setError(null);
    try {
      await callApi(`/api/api-tokens/${tokenId}`, "DELETE");
      revoked.current = true;
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button size="small" priority="secondary" disabled={pending} onClick={(event) => void revoke(event.currentTarget)}>
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
