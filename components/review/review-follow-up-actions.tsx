"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/http/api-client";
import { ofName } from "@/lib/format/elision";

/** A manager's actions on one assignment: reopen a submitted review, or give it its own due date. */
export function ReviewFollowUpActions({
  assignmentId,
  reviewer,
  submitted,
  dueAtLocal,
}: {
  assignmentId: string;
  reviewer: string;
  submitted: boolean;
  dueAtLocal: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState<"reopen" | "due" | null>(null);
  const [reason, setReason] = useState("");
  const [dueAt, setDueAt] = useState(dueAtLocal);
  const [error, setError] = useState<string | null>(null);

  async function send() {
    setError(null);
    try {
      if (open === "reopen") await callApi(`/api/assignments/${assignmentId}/review/reopening`, "POST", { reason });
      else await callApi(`/api/assignments/${assignmentId}`, "PATCH", { dueAt, reason });
      setOpen(null);
      setReason("");
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  if (!open) {
    return (
      <>
        {submitted ? (
          <Button size="small" priority="secondary" onClick={() => setOpen("reopen")}>
            Rouvrir<span className="fr-sr-only"> l&apos;évaluation de {reviewer}</span>
          </Button>
        ) : (
          <Button size="small" priority="tertiary" onClick={() => setOpen("due")}>
            Changer l&apos;échéance<span className="fr-sr-only"> de {reviewer}</span>
          </Button>
        )}
      </>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
      aria-label={open === "reopen" ? `Rouvrir l'évaluation ${ofName(reviewer)}` : `Échéance ${ofName(reviewer)}`}
    >
      {open === "due" ? (
        <Input
          label="Nouvelle échéance (vide : celle du niveau)"
          nativeInputProps={{ type: "datetime-local", value: dueAt, onChange: (event) => setDueAt(event.target.value) }}
        />
      ) : null}
      <Input
        textArea
        label={open === "reopen" ? "Motif (envoyé à l'instructeur)" : "Motif"}
        nativeTextAreaProps={{ rows: 2, value: reason, onChange: (event) => setReason(event.target.value) }}
      />
      {error ? <p className={fr.cx("fr-error-text")}>{error}</p> : null}
      <Button size="small" type="submit">
        Confirmer
      </Button>{" "}
      <Button size="small" priority="tertiary" type="button" onClick={() => setOpen(null)}>
        Annuler
      </Button>
    </form>
  );
}
