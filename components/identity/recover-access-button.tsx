"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { useFocusBack } from "@/components/forms/use-focus-back";
import { ofName } from "@/lib/format/elision";
import { callApi } from "@/lib/http/api-client";
import { formatParisDateTime } from "@/lib/time/paris";

/**
 * Sends a person who lost their keys a link to register a new one (ADR 0034), once the sender
 * confirms they checked the request is theirs. What was sent is said beside the button, which
 * gets the focus back.
 */
export function RecoverAccessButton({ userId, name }: { userId: string; name: string }) {
  const [outcome, setOutcome] = useState<{ error: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const focusBackTo = useFocusBack(pending);

  async function send(button: HTMLButtonElement) {
    const question =
      `Envoyer à ${name} un lien pour enregistrer une nouvelle clé d'accès ?\n\n` +
      "Vérifiez d'abord, de vive voix, que la demande vient bien de cette personne : le lien permet de prendre la main sur son compte. " +
      "En l'utilisant, elle retirera ses clés actuelles et fermera ses sessions. Le lien est valable 24 heures ; un lien envoyé auparavant ne fonctionnera plus.";
    if (!window.confirm(question)) return;
    focusBackTo(button);
    setPending(true);
    setOutcome(null);
    try {
      const sent = await callApi<{ email: string; expiresAt: string; replacedEarlier: boolean }>(
        `/api/users/${userId}/access-recovery`,
        "POST",
      );
      setOutcome({
        error: false,
        text:
          `Lien de rétablissement envoyé à ${sent.email}, valable jusqu'au ${formatParisDateTime(new Date(sent.expiresAt))}` +
          (sent.replacedEarlier ? " ; le lien envoyé auparavant ne fonctionne plus." : "."),
      });
    } catch (caught) {
      setOutcome({ error: true, text: (caught as Error).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button size="small" priority="tertiary" disabled={pending} onClick={(event) => void send(event.currentTarget)}>
        Rétablir l&apos;accès<span className="fr-sr-only"> {ofName(name)}</span>
      </Button>
      <p className={outcome ? (outcome.error ? "fr-error-text" : "fr-valid-text") : undefined} role="status">
        {outcome?.text}
      </p>
    </>
  );
}
