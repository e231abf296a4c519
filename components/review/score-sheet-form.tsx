"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { ariaInvalid, errorState, quietMessages } from "@/components/forms/field-error";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { type Control, get, type Path, useController, useForm } from "react-hook-form";
import { AutosaveStatus } from "@/components/dossier/autosave-status";
import { useAutosave } from "@/components/dossier/use-autosave";
import { closeOnEscape } from "@/components/forms/close-on-escape";
import { TextAreaField, useQuietGroupMessages } from "@/components/forms/fields";
import { useClearErrorsOnChange } from "@/components/forms/use-clear-errors-on-change";
import { ApiError, callApi } from "@/lib/http/api-client";
import {
  criterionAnchor,
  type MissingScore,
  missingForReview,
  OVERALL_COMMENT_ANCHOR,
  parseSheet,
  type SheetCriterion,
  type TReviewSheetInput,
  ZReviewSheetInput,
} from "@/lib/review/score-sheet";
import { criterionCommentLabel, OVERALL_COMMENT_LABEL, readScoreSheetField, SUBMITTED_NOTICE_ID } from "@/lib/review/score-sheet-labels";

export type SheetCriterionView = SheetCriterion & {
  description: string;
  /** The objectives the criterion judges, with the establishment's self-assessment of each. */
  objectives: ReadonlyArray<{ anchor: string; code: string; title: string; status: string }>;
};

/** A criterion's « Sans objet » answers for its note. */
const noteOf = (changed: string) => changed.replace(/\.notApplicable$/, ".value");

const CONFIRMATION_STYLE = { border: "1px solid var(--border-default-blue-france)" } as const;

const NOT_SENT_CONFLICT =
  "Rien n'a été transmis : votre évaluation a été enregistrée ailleurs entre-temps. Choisissez ci-dessus la version à garder, puis transmettez.";
const NOT_SENT_MERGED =
  "Rien n'a été transmis : votre évaluation avait été modifiée dans un autre onglet ou sur un autre appareil ; la version à jour est affichée ci-dessus, vérifiez-la puis transmettez.";
const NOT_SENT_UNSAVED =
  "Rien n'a été transmis : votre évaluation n'a pas pu être enregistrée (voir le message ci-dessus). Réessayez, puis transmettez.";

/** Radio buttons up to this many notes (0–10), a number field beyond. */
const RADIO_SCALE_LIMIT = 11;

function ScoreField({
  control,
  criterion,
  disabled,
}: {
  control: Control<TReviewSheetInput>;
  criterion: SheetCriterionView;
  disabled: boolean;
}) {
  const value = useController({ control, name: `scores.${criterion.id}.value` });
  const notApplicable = useController({ control, name: `scores.${criterion.id}.notApplicable` });
  const error = value.fieldState.error?.message ?? notApplicable.fieldState.error?.message;
  const legend = `Note (de ${criterion.scaleMin} à ${criterion.scaleMax})`;
  // A missing note is said by the summary that takes the focus, then by the field as it is reached.
  const group = useQuietGroupMessages(error);
  const choose = (next: string, na: boolean) => {
    value.field.onChange(next);
    notApplicable.field.onChange(na);
  };
  if (criterion.scaleMax - criterion.scaleMin + 1 <= RADIO_SCALE_LIMIT) {
    const notes = Array.from({ length: criterion.scaleMax - criterion.scaleMin + 1 }, (_, index) => String(criterion.scaleMin + index));
    return (
      <RadioButtons
        ref={group}
        legend={legend}
        orientation="horizontal"
        small
        disabled={disabled}
        {...errorState(error)}
        options={[
          ...notes.map((note) => ({
            label: note,
            nativeInputProps: {
              name: `note-${criterion.id}`,
              value: note,
              checked: !notApplicable.field.value && value.field.value === note,
              onChange: () => choose(note, false),
              ...ariaInvalid(error),
            },
          })),
          ...(criterion.required
            ? []
            : [
                {
                  label: "Sans objet",
                  nativeInputProps: {
                    name: `note-${criterion.id}`,
                    value: "NA",
                    checked: notApplicable.field.value === true,
                    onChange: () => choose("", true),
                    ...ariaInvalid(error),
                  },
                },
              ]),
        ]}
      />
    );
  }
  return (
    <>
      <Input
        ref={quietMessages}
        label={legend}
        disabled={disabled || notApplicable.field.value === true}
        {...errorState(error)}
        nativeInputProps={{
          ...ariaInvalid(error),
          type: "number",
          min: criterion.scaleMin,
          max: criterion.scaleMax,
          value: value.field.value,
          onChange: (event) => choose(event.target.value, false),
          onBlur: value.field.onBlur,
        }}
      />
      {criterion.required ? null : (
        <Checkbox
          small
          disabled={disabled}
          options={[
            {
              label: "Sans objet",
              nativeInputProps: { checked: notApplicable.field.value === true, onChange: (event) => choose("", event.target.checked) },
            },
          ]}
        />
      )}
    </>
  );
}

/**
 * The score sheet: one block per criterion (weight, scale, required or optional, the objectives it
 * judges with a link to the self-assessment on the left), a note and a comment each, an overall
 * comment. Saved as it is typed (use-autosave.ts: kept locally until the server has it, merged or
 * compared with another tab's save); submitting lists what is missing, with links.
 */
export function ScoreSheetForm({
  assignmentId,
  criteria,
  initialValues,
  version,
  editable,
}: {
  assignmentId: string;
  criteria: readonly SheetCriterionView[];
  initialValues: TReviewSheetInput;
  version: number;
  editable: boolean;
}) {
  const router = useRouter();
  const form = useForm<TReviewSheetInput>({ defaultValues: initialValues, resolver: zodResolver(ZReviewSheetInput), mode: "onBlur" });
  const autosave = useAutosave({
    form,
    url: `/api/assignments/${assignmentId}/review`,
    storageKey: `hc-evaluation:${assignmentId}`,
    initialVersion: version,
    disabled: !editable,
  });
  const [missing, setMissing] = useState<readonly MissingScore[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // A refused submission: the list of what is missing takes the focus, as an error summary does;
  // another refusal gives it back to the button, which was disabled (and so lost it) meanwhile.
  const [refusals, setRefusals] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (refusals === 0) return;
    if (summary.current) summary.current.focus();
    else submitButton.current?.focus();
  }, [refusals]);
  // Once submitted, the sheet turns read-only (the page's refresh) and the button that had the focus
  // is gone: the focus goes to the page's notice that the review is submitted, which is then read.
  const wasEditable = useRef(editable);
  useEffect(() => {
    if (wasEditable.current && !editable) document.getElementById(SUBMITTED_NOTICE_ID)?.focus();
    wasEditable.current = editable;
  }, [editable]);
  // Submitting cannot be undone by the reviewer: it is confirmed first, the focus on the confirmation.
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  // What is missing is listed before anything is confirmed: asking to confirm a transmission the
  // server would then refuse tells the reviewer two contrary things in a row. The server checks again.
  function askConfirmation() {
    const parsed = parseSheet(criteria, form.getValues());
    const list = parsed.ok ? missingForReview(criteria, parsed) : [];
    if (list.length === 0) return setConfirming(true);
    setError(null);
    showMissing(list);
    setRefusals((count) => count + 1);
  }
  function cancelConfirmation() {
    setConfirming(false);
    submitButton.current?.focus();
  }

  // Each missing item is also said on its field, where a screen reader reaching it through the list hears it.
  function showMissing(list: readonly MissingScore[]) {
    setMissing(list);
    for (const item of list) form.setError(item.field as Path<TReviewSheetInput>, { type: "missing", message: item.fieldMessage });
  }
  // A field given a value is no longer missing: its message goes with the change, not at the next submission.
  useClearErrorsOnChange(form, "missing", noteOf);

  async function submit() {
    setConfirming(false);
    setError(null);
    setSubmitting(true);
    try {
      // Only the version saved, and seen, is transmitted: never while a save failed or a choice awaits.
      const settled = await autosave.settle();
      if (!settled.ok) {
        setError(settled.reason === "conflict" ? NOT_SENT_CONFLICT : NOT_SENT_UNSAVED);
        setRefusals((count) => count + 1);
        return;
      }
      await callApi(`/api/assignments/${assignmentId}/review/submission`, "POST", { expectedVersion: settled.version });
      router.refresh();
    } catch (caught) {
      if (caught instanceof ApiError && Array.isArray(caught.details.missing)) showMissing(caught.details.missing as MissingScore[]);
      else {
        // Saved elsewhere since: the other version is merged in or offered as a choice, as for a save,
        // and the message says which (there is nothing to compare after a merge).
        const received = autosave.receiveConflict(caught);
        setError(received === "merged" ? NOT_SENT_MERGED : received === "conflict" ? NOT_SENT_CONFLICT : (caught as Error).message);
      }
      setRefusals((count) => count + 1);
    } finally {
      setSubmitting(false);
    }
  }

  // The list follows the fields: an item given a value since the refusal leaves it at once.
  const { errors } = form.formState;
  const shownMissing = missing?.filter((item) => (get(errors, item.field) as { type?: string } | undefined)?.type === "missing") ?? null;
  return (
    <form
      noValidate
      aria-label="Grille d'évaluation"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {editable ? (
        <AutosaveStatus
          state={autosave.state}
          mergedWith={autosave.mergedWith}
          onRetry={() => void autosave.save()}
          onTakeTheirs={autosave.takeTheirs}
          onKeepMine={autosave.keepMine}
          readField={(path, value) => readScoreSheetField(path, value, criteria)}
          editedBy="self"
        />
      ) : null}
      {autosave.restorable ? (
        <Alert
          severity="info"
          small
          className={fr.cx("fr-mb-2w")}
          description={
            <>
              Des saisies non enregistrées ont été retrouvées sur cet appareil.{" "}
              <Button type="button" size="small" onClick={autosave.restore}>
                Les restaurer
              </Button>{" "}
              <Button type="button" size="small" priority="tertiary" onClick={autosave.discardBackup}>
                Les ignorer
              </Button>
            </>
          }
        />
      ) : null}
      {criteria.map((criterion) => (
        <fieldset
          key={criterion.id}
          id={criterionAnchor(criterion.id)}
          tabIndex={-1}
          className={fr.cx("fr-fieldset", "fr-mb-3w")}
          aria-labelledby={`${criterionAnchor(criterion.id)}-titre`}
        >
          <legend id={`${criterionAnchor(criterion.id)}-titre`} className={fr.cx("fr-fieldset__legend", "fr-text--md")}>
            {criterion.code} – {criterion.label}
            <span className={fr.cx("fr-hint-text")}>
              Poids {criterion.weight} · note de {criterion.scaleMin} à {criterion.scaleMax} ·{" "}
              {criterion.required ? "obligatoire" : "facultatif (« sans objet » possible)"}
            </span>
          </legend>
          <div className={fr.cx("fr-fieldset__element")}>
            {criterion.description ? <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>{criterion.description}</p> : null}
            {criterion.objectives.length > 0 ? (
              <ul className={fr.cx("fr-text--sm")}>
                {criterion.objectives.map((objective) => (
                  <li key={objective.anchor}>
                    <a href={`#${objective.anchor}`}>
                      {objective.code} – {objective.title}
                    </a>{" "}
                    : auto-évaluation « {objective.status} »
                  </li>
                ))}
              </ul>
            ) : null}
            <ScoreField control={form.control} criterion={criterion} disabled={!editable} />
            <TextAreaField
              control={form.control}
              name={`scores.${criterion.id}.comment`}
              label={criterionCommentLabel(criterion.code)}
              rows={2}
              maxLength={4000}
              disabled={!editable}
            />
          </div>
        </fieldset>
      ))}
      <div id={OVERALL_COMMENT_ANCHOR} tabIndex={-1}>
        <TextAreaField
          control={form.control}
          name="overallComment"
          label={OVERALL_COMMENT_LABEL}
          hint="Obligatoire pour transmettre."
          rows={5}
          maxLength={10000}
          disabled={!editable}
        />
      </div>
      {/* The summary is said as it takes the focus: neither a live region nor role alert says it again. */}
      {shownMissing && shownMissing.length > 0 ? (
        <div ref={summary} tabIndex={-1}>
          <Alert
            role={undefined}
            severity="warning"
            title="Évaluation incomplète"
            className={fr.cx("fr-mb-2w")}
            description={
              <ul data-testid="review-missing">
                {shownMissing.map((item) => (
                  <li key={item.anchor}>
                    <a href={`#${item.anchor}`}>{item.message}</a>
                  </li>
                ))}
              </ul>
            }
          />
        </div>
      ) : null}
      {/* A refusal is said by this live region, the focus back on « Transmettre »: the alert takes no role of its own. */}
      <div aria-live="polite">
        {error ? <Alert role={undefined} severity="error" small className={fr.cx("fr-mb-2w")} description={error} /> : null}
      </div>
      {editable ? (
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--icon-left")}>
          <li>
            <Button type="button" priority="secondary" iconId="fr-icon-save-line" onClick={() => void autosave.saveNow()}>
              Enregistrer maintenant
            </Button>
          </li>
          <li>
            <Button ref={submitButton} type="button" disabled={submitting} iconId="fr-icon-send-plane-line" onClick={askConfirmation}>
              Transmettre l&apos;évaluation
            </Button>
          </li>
        </ul>
      ) : null}
      {confirming ? (
        <div
          role="group"
          aria-labelledby="confirmation-transmission"
          className={fr.cx("fr-p-2w", "fr-mb-2w")}
          style={CONFIRMATION_STYLE}
          onKeyDown={(event) => closeOnEscape(event, cancelConfirmation)}
        >
          <p id="confirmation-transmission" className={fr.cx("fr-mb-2w")}>
            Une fois transmise, votre évaluation ne se modifie plus : seul un chargé de programme peut la rouvrir. S&apos;il manque une note
            ou l&apos;appréciation générale, rien n&apos;est transmis et ce qui manque vous est listé.
          </p>
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
            <li>
              <Button ref={confirmButton} type="submit">
                Confirmer la transmission
              </Button>
            </li>
            <li>
              <Button type="button" priority="tertiary" onClick={cancelConfirmation}>
                Annuler
              </Button>
            </li>
          </ul>
        </div>
      ) : null}
    </form>
  );
}
