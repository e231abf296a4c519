"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { usePathname, useRouter } from "next/navigation";
import type { Route } from "next";
import { useEffect, useRef, useState } from "react";
import { closeOnEscape } from "@/components/forms/close-on-escape";
import { callApi } from "@/lib/http/api-client";

/** What the proposal page says once the proposal is withdrawn, reached again with `?retrait=…`. */
export const PROPOSAL_WITHDRAWN =
  "La proposition est retirée : elle ne sera pas publiée. Le dossier reste « Évalué », sans proposition, jusqu'à ce qu'une nouvelle soit enregistrée.";

/**
 * « Retirer la proposition », for one staged by mistake: a confirmation opens in place of the
 * button (its question takes the focus; « Annuler » or Escape closes it and gives the focus back),
 * then the page is reached again and says it. It withdraws the proposal it was shown (`decisionId`):
 * one staged since by someone else is refused by the server, the refusal shown here.
 */
export function WithdrawProposalButton({
  applicationId,
  decisionId,
  summary,
}: {
  applicationId: string;
  decisionId: string;
  summary: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) question.current?.focus();
    else if (wasOpen.current) toggle.current?.focus();
    wasOpen.current = open;
  }, [open]);

  function close() {
    setOpen(false);
    setError(null);
  }

  async function withdraw() {
    setPending(true);
    setError(null);
    try {
      await callApi(`/api/applications/${applicationId}/decision`, "DELETE", { replacing: decisionId });
      // The page the button is on: typed routes know no query string.
      router.replace(`${pathname}?retrait=${Date.now()}` as Route, { scroll: false });
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
      question.current?.focus();
    } finally {
      setPending(false);
    }
  }

  if (!open)
    return (
      <Button ref={toggle} priority="secondary" className={fr.cx("fr-mb-3w")} onClick={() => setOpen(true)}>
        Retirer la proposition
      </Button>
    );
  return (
    <div
      role="group"
      aria-labelledby="retrait-question"
      className={fr.cx("fr-callout", "fr-mb-3w")}
      onKeyDown={(event) => closeOnEscape(event, close)}
    >
      <p id="retrait-question" ref={question} tabIndex={-1} className={fr.cx("fr-callout__text")}>
        Retirer la proposition « {summary} » ? Elle ne sera pas publiée avec les décisions de la vague, et le dossier restera « Évalué »
        sans proposition.
      </p>
      {error ? <p className={fr.cx("fr-error-text", "fr-mb-2w")}>{error}</p> : null}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline", "fr-btns-group--sm", "fr-mt-2w")}>
        <li>
          <Button size="small" disabled={pending} onClick={() => void withdraw()}>
            Confirmer le retrait
          </Button>
        </li>
        <li>
          <Button size="small" priority="secondary" disabled={pending} onClick={close}>
            Annuler
          </Button>
        </li>
      </ul>
    </div>
  );
}
