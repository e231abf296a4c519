"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { ariaInvalid, errorState, quietMessages } from "@/components/forms/field-error";
import { closeOnEscape } from "@/components/forms/close-on-escape";
import { focusPageHeading } from "@/components/forms/give-focus";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { UploadField } from "@/components/forms/upload-field";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import type { DossierPageAction } from "@/lib/applications/state-machine";
import { formatFileSize } from "@/lib/attachments/file-size";
import { filesProblem } from "@/lib/attachments/file-size-check";
import { ApiError, callApi } from "@/lib/http/api-client";

const LABELS: Record<DossierPageAction, string> = {
  withdraw: "Retirer le dossier",
  answerInformationRequest: "Répondre et renvoyer le dossier",
  startReview: "Mettre en instruction",
  requestInformation: "Demander un complément",
  completeScoring: "Clore l'évaluation",
  reopenReview: "Rouvrir l'instruction",
};

/** The panel every action's button opens (`aria-controls`): there is one per dossier page. */
const PANEL_ID = "actions-panneau";

const NEEDS_COMMENT: ReadonlyArray<DossierPageAction> = ["requestInformation", "answerInformationRequest"];

/** Who reads the comment, and where: a manager's note is the establishment's to read. */
const COMMENT_READERS: Record<DossierPageAction, string> = {
  withdraw: "Lu par l'équipe du programme, dans l'historique du dossier.",
  answerInformationRequest: "Envoyé à l'équipe du programme ; il figure aussi dans les messages du dossier.",
  startReview: "Lu par l'établissement, dans l'historique du dossier et dans le courriel qui l'en informe.",
  requestInformation: "Envoyé à l'établissement par courriel ; il figure aussi dans les messages du dossier.",
  completeScoring: "Lu par l'établissement, dans l'historique du dossier, et dans le courriel qui l'en informe la première fois.",
  reopenReview: "Lu par l'établissement, dans l'historique du dossier (il ne reçoit pas de courriel pour cette étape).",
};

/**
 * The transitions the viewer may take on the dossier now, each with what it needs. Each action's
 * button opens the panel below (`aria-expanded`, `aria-controls`); « Annuler » or Escape closes it and gives
 * the focus back to that button, which would otherwise fall to the page's body with the panel. A
 * confirmed action gives it to the page's title once the refreshed page shows the dossier's new
 * state there.
 */
export function TransitionPanel({
  applicationId,
  version,
  actions,
  answerFileLimits,
}: {
  applicationId: string;
  version: number;
  actions: Array<DossierPageAction>;
  /** What an answer to a request for information may carry: the proof asked for is most often a file. */
  answerFileLimits: { maxFiles: number; maxBytes: number };
}) {
  const router = useRouter();
  const [open, setOpen] = useState<DossierPageAction | null>(null);
  const [comment, setComment] = useState("");
  const [due, setDue] = useState("");
  const [error, setError] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const [pending, setPending] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const headingAfterRefresh = useRef(false);
  const toggles = useRef<Partial<Record<DossierPageAction, HTMLButtonElement | null>>>({});
  // A refusal takes the focus: « Confirmer », which had it, was disabled while the request ran. The
  // first refused field takes it, which says its message, else the notice does.
  const form = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const errorNotice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) (form.current?.querySelector<HTMLElement>("[aria-invalid=true]") ?? errorNotice.current)?.focus();
  }, [error]);
  // The panel, and often the action's button, go with the old state: the page's title, which stays
  // and carries the dossier's state, takes the focus, but only once it says the new state, which a
  // screen reader reads then.
  useEffect(() => {
    if (refreshing || !headingAfterRefresh.current) return;
    headingAfterRefresh.current = false;
    focusPageHeading();
  }, [refreshing]);

  async function run(action: DossierPageAction) {
    const transition = {
      action,
      expectedVersion: version,
      comment,
      ...(action === "requestInformation" && due ? { responseDueAt: due } : {}),
    };
    // Too many, empty or too large files are said before sending; the answer typed stays.
    const files = action === "answerInformationRequest" ? [...(fileInput.current?.files ?? [])] : [];
    const problem = filesProblem(files, answerFileLimits, "answer");
    if (problem) {
      setError({ message: problem, fields: { files: [problem] } });
      return;
    }
    setPending(true);
    setError(null);
    try {
      let body: FormData | typeof transition = transition;
      if (files.length > 0) {
        body = new FormData();
        body.set("transition", JSON.stringify(transition));
        for (const file of files) body.append("files", file);
      }
      await callApi(`/api/applications/${applicationId}/transitions`, "POST", body);
      headingAfterRefresh.current = true;
      // The panel closes with the refreshed page, in one render: not before it, on the old state.
      startRefresh(() => {
        setOpen(null);
        setComment("");
        router.refresh();
      });
    } catch (caught) {
      setError({ message: (caught as Error).message, fields: caught instanceof ApiError ? caught.fieldErrors : {} });
    } finally {
      setPending(false);
    }
  }

  function cancel() {
    if (open) toggles.current[open]?.focus();
    setOpen(null);
  }

  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="actions-titre" className={fr.cx("fr-mt-4w")}>
      <h2 id="actions-titre" className={fr.cx("fr-h4")}>
        Actions
      </h2>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
        {actions.map((action) => (
          <li key={action}>
            <Button
              ref={(button) => void (toggles.current[action] = button)}
              priority={action === "withdraw" ? "secondary" : "primary"}
              nativeButtonProps={{ "aria-expanded": open === action, "aria-controls": PANEL_ID }}
              onClick={() => {
                setOpen(action);
                setError(null);
              }}
            >
              {LABELS[action]}
            </Button>
          </li>
        ))}
      </ul>
      <div id={PANEL_ID}>
        {open ? (
          <form
            ref={form}
            className={fr.cx("fr-mt-2w")}
            onKeyDown={(event) => closeOnEscape(event, cancel)}
            onSubmit={(event) => {
              event.preventDefault();
              if (open === "withdraw" && !window.confirm("Retirer ce dossier ? Il ne pourra plus être déposé pour cette vague.")) return;
              void run(open);
            }}
          >
            <h3 className={fr.cx("fr-h6")}>{LABELS[open]}</h3>
            {error ? (
              <div ref={errorNotice} tabIndex={-1}>
                <Alert severity="error" small description={error.message} className={fr.cx("fr-mb-2w")} role={undefined} />
              </div>
            ) : null}
            <Input
              ref={quietMessages}
              textArea
              label={NEEDS_COMMENT.includes(open) ? "Message (obligatoire)" : "Commentaire (facultatif)"}
              hintText={COMMENT_READERS[open]}
              {...errorState(error?.fields.comment)}
              nativeTextAreaProps={{
                ...ariaInvalid(error?.fields.comment),
                value: comment,
                onChange: (event) => setComment(event.target.value),
                rows: 4,
              }}
            />
            {open === "requestInformation" ? (
              <Input
                ref={quietMessages}
                label="Date limite de réponse (heure de Paris)"
                {...errorState(error?.fields.responseDueAt)}
                nativeInputProps={{
                  ...ariaInvalid(error?.fields.responseDueAt),
                  type: "datetime-local",
                  value: due,
                  onChange: (event) => setDue(event.target.value),
                }}
              />
            ) : null}
            {open === "answerInformationRequest" ? (
              <UploadField
                label="Pièces jointes à la réponse (facultatif)"
                hint={`PDF, image ou document bureautique : ${answerFileLimits.maxFiles} fichiers de ${formatFileSize(answerFileLimits.maxBytes)} au plus. Ils figurent avec la réponse dans les messages du dossier.`}
                multiple
                state={error?.fields.files ? "error" : "default"}
                stateRelatedMessage={error?.fields.files?.[0]}
                nativeInputProps={{ ref: fileInput, name: "files" }}
              />
            ) : null}
            <Button type="submit" disabled={pending || refreshing}>
              Confirmer
            </Button>{" "}
            <Button type="button" priority="tertiary" onClick={cancel}>
              Annuler
            </Button>
          </form>
        ) : null}
      </div>
    </section>
  );
}
