"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import type { StaffRole } from "@/lib/db/generated/enums";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/http/api-client";
import { ofName } from "@/lib/format/elision";

type Props = { userId: string; name: string; staffRole: StaffRole; disabled: boolean };

/** Role change and (de)activation of one ANS account. */
export function StaffMemberActions({ userId, name, staffRole, disabled }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function update(change: Record<string, unknown>) {
    setPending(true);
    setError(null);
    try {
      await callApi(`/api/users/${userId}`, "PATCH", change);
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setPending(false);
    }
  }

  // An ARS reviewer's role and regions are set on their reviewer profile.
  const otherRole = staffRole === "PROGRAMME_MANAGER" ? "REVIEWER" : "PROGRAMME_MANAGER";
  return (
    <>
      <Button size="small" priority="secondary" disabled={pending} onClick={() => update({ staffRole: otherRole })}>
        {otherRole === "REVIEWER" ? "Passer instructeur" : "Passer chargé de programme"}
        <span className="fr-sr-only"> : {name}</span>
      </Button>{" "}
      <Button size="small" priority="tertiary" disabled={pending} onClick={() => update({ disabled: !disabled })}>
        {disabled ? "Réactiver" : "Désactiver"}
        <span className="fr-sr-only"> le compte {ofName(name)}</span>
      </Button>
      {error ? (
        <p className="fr-error-text" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
