"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFocusBack } from "@/components/forms/use-focus-back";
import { callApi } from "@/lib/http/api-client";

/** Queues a new run of a background job (after its failure has been dealt with). */
export function RelaunchJobButton({ name, label }: { name: string; label: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const focusBackTo = useFocusBack(pending);

  async function relaunch(button: HTMLButtonElement) {
    focusBackTo(button);
    setPending(true);
    setMessage(null);
    try {
      await callApi("/api/jobs/runs", "POST", { name });
      setMessage({ text: "Exécution demandée : elle part dans quelques secondes.", error: false });
      router.refresh();
    } catch (caught) {
      setMessage({ text: (caught as Error).message, error: true });
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button size="small" priority="secondary" disabled={pending} onClick={(event) => void relaunch(event.currentTarget)}>
        Lancer maintenant<span className="fr-sr-only"> : {label}</span>
      </Button>
      {message ? (
        <p className={message.error ? "fr-error-text" : "fr-valid-text"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
    </>
  );
}
