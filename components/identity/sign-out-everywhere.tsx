"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { callApi } from "@/lib/http/api-client";

export function SignOutEverywhere() {
  const [error, setError] = useState<string | null>(null);
  async function onClick() {
    try {
      await callApi("/api/account/sessions", "DELETE");
      await signOut({ callbackUrl: "/connexion" });
    } catch (caught) {
      setError((caught as Error).message);
    }
  }
  return (
    <>
      {error ? (
        <p className="fr-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <Button priority="secondary" iconId="fr-icon-logout-box-r-line" onClick={onClick}>
        Se déconnecter de toutes les sessions
      </Button>
    </>
  );
}
