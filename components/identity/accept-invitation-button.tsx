"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/http/api-client";

/** Accepts, with the signed-in account, an invitation sent to its address. */
export function AcceptInvitationButton({ token, label }: { token: string; label: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onClick() {
    setPending(true);
    setError(null);
    try {
      const { establishmentId } = await callApi<{ establishmentId: string | null }>("/api/invitations/acceptance", "POST", {
        invitationToken: token,
      });
      router.replace(establishmentId ? `/etablissements/${establishmentId}?bienvenue=equipe` : "/");
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
      setPending(false);
    }
  }
  return (
    <>
      {error ? <Alert severity="error" small description={error} className="fr-mb-2w" /> : null}
      <Button onClick={onClick} disabled={pending}>
        {label}
      </Button>
    </>
  );
}
