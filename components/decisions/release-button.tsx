"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { giveFocus } from "@/components/forms/give-focus";
import { callApi } from "@/lib/http/api-client";
import { formatCount, formatInteger } from "@/lib/format/numbers";

/** Releases every staged decision of the wave, after a confirmation: dossiers move, letters and e-mails go out. */
export function ReleaseButton({ waveId, stagedCount }: { waveId: string; stagedCount: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ severity: "success" | "error" | "info"; text: string } | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  async function release() {
    if (
      !window.confirm(
        `Publier ${stagedCount >= 2 ? `les ${formatInteger(stagedCount)} décisions proposées` : "la décision proposée"} ? Les établissements seront prévenus par courriel et recevront leur lettre de décision.`,
      )
    )
      return;
    setPending(true);
    setResult(null);
    try {
      const { released } = await callApi<{ released: number }>(`/api/waves/${waveId}/decisions/release`, "POST");
      setResult(
        released === 0
          ? { severity: "info", text: "Aucune décision en attente : rien n'a été publié de nouveau." }
          : { severity: "success", text: `${formatCount(released, "décision publiée", "décisions publiées")}.` },
      );
      router.refresh();
    } catch (caught) {
      setResult({ severity: "error", text: (caught as Error).message });
    } finally {
      setPending(false);
      // The button, disabled meanwhile (and for good once nothing is left to publish), gave up the focus: the outcome takes it.
      requestAnimationFrame(() => giveFocus(outcome.current));
    }
  }
  return (
    <div className={fr.cx("fr-mb-4w")}>
      <Button iconId="fr-icon-send-plane-line" disabled={pending || stagedCount === 0} onClick={() => void release()}>
        Publier les décisions proposées ({stagedCount})
      </Button>
      {/* The outcome takes the focus, which says it: neither a live region nor the alert's own role says it again. */}
      <div ref={outcome}>
        {result ? (
          <Alert severity={result.severity} small description={result.text} className={fr.cx("fr-mt-2w")} role={undefined} />
        ) : null}
      </div>
    </div>
  );
}
