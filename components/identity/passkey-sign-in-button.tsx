"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { type MouseEvent, type ReactNode, useState } from "react";
import { useFocusBack } from "@/components/forms/use-focus-back";
import { ACCOUNT_DISABLED } from "@/lib/identity/sign-in-messages";
import { signInWithPasskey } from "./passkey-ceremonies";

/**
 * `lostKeyHint`: whom to ask for a recovery link, under the button; left out once the server said the
 * account is disabled, since a disabled account gets none (ADR 0034).
 */
export function PasskeySignInButton({ returnTo, lostKeyHint }: { returnTo: Route; lostKeyHint?: ReactNode }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Disabled while the key answers, the button drops the focus: a refusal gives it back (the alert
  // says why), so that a keyboard user tries again from where they were, not from the top of the page.
  const focusBackTo = useFocusBack(pending);

  async function onClick(event: MouseEvent<HTMLButtonElement>) {
    focusBackTo(event.currentTarget);
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
      {error === ACCOUNT_DISABLED ? null : lostKeyHint}
    </>
  );
}
