"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { DecisionOutcome } from "@/lib/db/generated/enums";
import { OUTCOME_LABELS } from "@/lib/decisions/labels";
import type { TStageDecisionInput } from "@/lib/decisions/proposal";
import { ApiError, callApi } from "@/lib/http/api-client";

export type ProposalComment = { kind: "score" | "review"; id: string; author: string; about: string; text: string; releasable: boolean };

const stateOf = (messages: string[] | undefined) => (messages ? { state: "error" as const, stateRelatedMessage: messages.join(" ") } : {});

/**
 * The manager's proposal for one dossier (ZStageDecisionInput on both sides): the decision, the
 * amount and conditions of a grant or the reasons otherwise, the comments the letter may quote,
 * and – when the server says the envelope would be passed – the reason to pass it.
 */
export function ProposalForm({ applicationId, defaults, comments }: { applicationId: string; defaults: Omit<TStageDecisionInput, "releasableScoreIds" | "releasableReviewIds">; comments: readonly ProposalComment[] }) {
  const router = useRouter();
  const [values, setValues] = useState(defaults);
  const [releasable, setReleasable] = useState(() => new Set(comments.filter((comment) => comment.releasable).map((comment) => comment.id)));
  const [askOverride, setAskOverride] = useState(Boolean(defaults.envelopeOverrideReason));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<{ severity: "success" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value });

  async function submit() {
    setPending(true);
    setResult(null);
    setErrors({});
    try {
      await callApi(`/api/applications/${applicationId}/decision`, "POST", {
        ...values,
        releasableScoreIds: comments.filter((comment) => comment.kind === "score" && releasable.has(comment.id)).map((comment) => comment.id),
        releasableReviewIds: comments.filter((comment) => comment.kind === "review" && releasable.has(comment.id)).map((comment) => comment.id),
      });
      setResult({ severity: "success", text: "Proposition enregistrée. Elle reste invisible de l'établissement jusqu'à la publication des décisions de la vague." });
      router.refresh();
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldErrors : {};
      if (caught instanceof ApiError && caught.details.envelopeExceeded) setAskOverride(true);
      setErrors(fields);
      setResult({ severity: "error", text: (caught as Error).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      aria-label="Proposition de décision"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <RadioButtons
        legend="Décision proposée"
        orientation="horizontal"
        {...stateOf(errors.outcome)}
        options={(["SELECTED", "WAITLISTED", "REJECTED"] as const).map((outcome: DecisionOutcome) => ({
          label: OUTCOME_LABELS[outcome],
          nativeInputProps: { name: "outcome", value: outcome, checked: values.outcome === outcome, onChange: () => setValues({ ...values, outcome }) },
        }))}
      />
      {values.outcome === "SELECTED" ? (
        <>
          <Input label="Montant accordé (€)" hintText="Au plus le montant demandé." {...stateOf(errors.amountGranted)} nativeInputProps={{ value: values.amountGranted, onChange: set("amountGranted"), inputMode: "decimal" }} />
          <Input textArea label="Conditions (facultatif)" hintText="Elles figureront dans la lettre de décision." {...stateOf(errors.conditions)} nativeTextAreaProps={{ value: values.conditions, onChange: set("conditions"), rows: 3 }} />
        </>
      ) : (
        <Input textArea label="Motifs (obligatoire)" hintText="Ils figureront dans la lettre de décision." {...stateOf(errors.reasons)} nativeTextAreaProps={{ value: values.reasons, onChange: set("reasons"), rows: 3 }} />
      )}
      {askOverride ? (
        <Input
          textArea
          label="Justification du dépassement de l'enveloppe"
          hintText="Obligatoire quand la proposition porte les montants accordés au-delà de l'enveloppe ; inscrite au journal d'audit."
          {...stateOf(errors.envelopeOverrideReason)}
          nativeTextAreaProps={{ value: values.envelopeOverrideReason, onChange: set("envelopeOverrideReason"), rows: 2 }}
        />
      ) : null}
      {comments.length > 0 ? (
        <Checkbox
          legend="Commentaires des instructeurs que la lettre peut citer"
          hintText="Sans le nom de leur auteur. Les commentaires non cochés restent internes."
          options={comments.map((comment) => ({
            label: `${comment.about} – ${comment.author}`,
            hintText: comment.text,
            nativeInputProps: {
              checked: releasable.has(comment.id),
              onChange: (event) => {
                const next = new Set(releasable);
                if (event.target.checked) next.add(comment.id);
                else next.delete(comment.id);
                setReleasable(next);
              },
            },
          }))}
        />
      ) : null}
      <div aria-live="polite">{result ? <Alert severity={result.severity} small description={result.text} className={fr.cx("fr-my-2w")} /> : null}</div>
      <Button type="submit" disabled={pending} iconId="fr-icon-save-line">
        Enregistrer la proposition
      </Button>
    </form>
  );
}
