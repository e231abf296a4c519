"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { closeOnEscape } from "@/components/forms/close-on-escape";
import { ariaInvalid, errorState, quietMessages } from "@/components/forms/field-error";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ofName } from "@/lib/format/elision";
import { ApiError, callApi } from "@/lib/http/api-client";
import { useFollowUpAnnouncer } from "./follow-up-announcer";

type Refusal = { message: string; fieldErrors: Record<string, string[]> };

type Action = "reopen" | "due" | "remove";

const DONE: Record<Action, (reviewer: string) => string> = {
  reopen: (reviewer) => `L'évaluation ${ofName(reviewer)} est rouverte.`,
  due: (reviewer) => `L'échéance ${ofName(reviewer)} est enregistrée.`,
  remove: (reviewer) => `Le dossier est retiré à ${reviewer}.`,
};

/**
 * A manager's actions on one assignment: reopen a submitted review; before submission, give it its
 * own due date or take the dossier off the reviewer's list.
 * The form opens in place of its button with the focus on its first field, gives the focus back to
 * the button when it closes (« Annuler » or Escape), and puts a refusal on the field it concerns.
 */
export function ReviewFollowUpActions({
  assignmentId,
  reviewer,
  submitted,
  removable,
  reopenable,
  dueAtLocal,
}: {
  /** The dossier is in review (lib/review/remove-assignment.ts): « Retirer » is offered. */
  removable: boolean;
  /** No decision published and still in review or scored (lib/review/reopen-review.ts): « Rouvrir » is offered. */
  reopenable: boolean;
  assignmentId: string;
  reviewer: string;
  submitted: boolean;
  dueAtLocal: string;
}) {
  const router = useRouter();
  const announce = useFollowUpAnnouncer();
  const [open, setOpen] = useState<Action | null>(null);
  const [last, setLast] = useState<Action | null>(null);
  const [reason, setReason] = useState("");
  const [dueAt, setDueAt] = useState(dueAtLocal);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const toggles = useRef<Partial<Record<Action, HTMLButtonElement | null>>>({});
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) form.current?.querySelector<HTMLElement>("input, textarea")?.focus();
    else if (wasOpen.current && last) toggles.current[last]?.focus();
    wasOpen.current = open !== null;
  }, [open, last]);
  useEffect(() => {
    if (refusal) form.current?.querySelector<HTMLElement>(".fr-input-group--error :is(input, textarea)")?.focus();
  }, [refusal]);

  function show(action: Action) {
    setLast(action);
    setOpen(action);
  }

  function close() {
    setOpen(null);
    setRefusal(null);
  }

  async function send(action: Action) {
    setRefusal(null);
    try {
      if (action === "reopen") await callApi(`/api/assignments/${assignmentId}/review/reopening`, "POST", { reason });
      else if (action === "remove") await callApi(`/api/assignments/${assignmentId}`, "DELETE", { reason });
      else await callApi(`/api/assignments/${assignmentId}`, "PATCH", { dueAt, reason });
      // A removed assignment's row goes with the refresh: the focus waits on the section's heading,
      // not on this row's button.
      announce(DONE[action](reviewer), { focusHeading: action === "remove" });
      if (action === "remove") setLast(null);
      close();
      setReason("");
      router.refresh();
    } catch (caught) {
      setRefusal({ message: (caught as Error).message, fieldErrors: caught instanceof ApiError ? caught.fieldErrors : {} });
    }
  }

  if (!open) {
    if (submitted)
      return reopenable ? (
        <Button ref={(button) => void (toggles.current.reopen = button)} size="small" priority="secondary" onClick={() => show("reopen")}>
          Rouvrir<span className="fr-sr-only"> l&apos;évaluation {ofName(reviewer)}</span>
        </Button>
      ) : null;
    return (
      <>
        <Button ref={(button) => void (toggles.current.due = button)} size="small" priority="tertiary" onClick={() => show("due")}>
          Changer l&apos;échéance<span className="fr-sr-only"> {ofName(reviewer)}</span>
        </Button>
        {removable ? (
          <>
            {" "}
            <Button
              ref={(button) => void (toggles.current.remove = button)}
              size="small"
              priority="tertiary"
              onClick={() => show("remove")}
            >
              Retirer<span className="fr-sr-only"> le dossier à {reviewer}</span>
            </Button>
          </>
        ) : null}
      </>
    );
  }
  const titles: Record<Action, string> = {
    reopen: `Rouvrir l'évaluation ${ofName(reviewer)}`,
    due: `Échéance ${ofName(reviewer)}`,
    remove: `Retirer le dossier à ${reviewer}`,
  };
  const onFields = refusal !== null && Object.keys(refusal.fieldErrors).some((field) => field === "dueAt" || field === "reason");
  return (
    <form
      ref={form}
      onSubmit={(event) => {
        event.preventDefault();
        void send(open);
      }}
      aria-label={titles[open]}
      onKeyDown={(event) => closeOnEscape(event, close)}
    >
      {open === "due" ? (
        <Input
          ref={quietMessages}
          label="Nouvelle échéance (vide : celle du niveau)"
          {...errorState(refusal?.fieldErrors.dueAt)}
          nativeInputProps={{
            ...ariaInvalid(refusal?.fieldErrors.dueAt),
            type: "datetime-local",
            value: dueAt,
            onChange: (event) => setDueAt(event.target.value),
          }}
        />
      ) : null}
      <Input
        ref={quietMessages}
        textArea
        label={open === "due" ? "Motif" : "Motif (envoyé à l'instructeur)"}
        hintText={open === "remove" ? "Son brouillon éventuel n'est pas conservé." : undefined}
        {...errorState(refusal?.fieldErrors.reason)}
        nativeTextAreaProps={{
          ...ariaInvalid(refusal?.fieldErrors.reason),
          rows: 2,
          value: reason,
          onChange: (event) => setReason(event.target.value),
        }}
      />
      {refusal && !onFields ? (
        <p role="alert" className={fr.cx("fr-error-text")}>
          {refusal.message}
        </p>
      ) : null}
      <Button size="small" type="submit">
        {open === "remove" ? "Retirer le dossier" : "Confirmer"}
      </Button>{" "}
      <Button size="small" priority="tertiary" type="button" onClick={close}>
        Annuler
      </Button>
    </form>
  );
}
