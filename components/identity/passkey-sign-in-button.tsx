"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signInWithPasskey } from "./passkey-ceremonies";

export function PasskeySignInButton({ returnTo }: { returnTo: Route }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onClick() {
    setPending(true);
    setError(null);
    try {
      await signInWithPasskey();
      router.replace(returnTo);
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
      setPending(false);
    }
  }

  return (
    <>
      {error ? <Alert severity="error" small description={error} className="fr-mb-2w" role="alert" /> : null}
      <Button iconId="fr-icon-fingerprint-line" onClick={onClick} disabled={pending}>
        {pending ? "Connexion en cours…" : "Se connecter avec une clé d'accès"}
      </Button>
    </>
  );
}
