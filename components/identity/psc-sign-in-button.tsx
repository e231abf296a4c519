"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { callApi } from "@/lib/http/api-client";

/** Pro Santé Connect (e-CPS or CPS card). With an invitation, the account is created on return. */
export function PscSignInButton({ returnTo, invitationToken }: { returnTo: string; invitationToken?: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onClick() {
    setPending(true);
    try {
      if (invitationToken) await callApi("/api/invitations/psc", "POST", { invitationToken });
      await signIn("pro-sante-connect", { callbackUrl: returnTo });
    } catch (caught) {
      setError((caught as Error).message);
      setPending(false);
    }
  }
  return (
    <>
      {error ? (
        <p className="fr-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <Button priority="secondary" iconId="fr-icon-account-circle-line" onClick={onClick} disabled={pending}>
        S&apos;identifier avec Pro Santé Connect
      </Button>
    </>
  );
}
