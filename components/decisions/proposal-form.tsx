"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type Control, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { CheckboxesField, RadioField, TextAreaField, TextField } from "@/components/forms/fields";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { OUTCOME_LABELS } from "@/lib/decisions/labels";
import { type TStageDecisionInput, ZStageDecisionInput } from "@/lib/decisions/proposal";
import { ApiError, callApi } from "@/lib/http/api-client";

export type ProposalComment = { kind: "score" | "review"; id: string; author: string; about: string; text: string; releasable: boolean };

type Values = z.input<typeof ZStageDecisionInput>;

const OUTCOMES = (["SELECTED", "WAITLISTED", "REJECTED"] as const).map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }));

/**
 * The manager's proposal for one dossier (ZStageDecisionInput on both sides): the decision, the
 * amount and conditions of a grant or the reasons otherwise, the comments the letter may quote,
 * and – when the server says the envelope would be passed – the reason to pass it. It sends the
 * staged proposal it was loaded with (`replacing`), then the one it stages: a proposal staged by
 * someone else meanwhile is refused, the input staying in the form.
 */
export function ProposalForm({
  applicationId,
  defaults,
  comments,
}: {
  applicationId: string;
  defaults: Omit<TStageDecisionInput, "releasableScoreIds" | "releasableReviewIds">;
  comments: readonly ProposalComment[];
}) {
  const router = useRouter();
  const [askOverride, setAskOverride] = useState(Boolean(defaults.envelopeOverrideReason));
  const releasable = (kind: ProposalComment["kind"]) =>
    comments.filter((comment) => comment.kind === kind && comment.releasable).map((comment) => comment.id);
  const form = useForm<Values, unknown, TStageDecisionInput>({
    resolver: zodResolver(ZStageDecisionInput),
    defaultValues: { ...defaults, releasableScoreIds: releasable("score"), releasableReviewIds: releasable("review") },
  });
  const control = form.control as unknown as Control<Values>;
  const outcome = useWatch({ control, name: "outcome" });
  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    try {
      const { decisionId } = await callApi<{ decisionId: string }>(`/api/applications/${applicationId}/decision`, "POST", values);
      form.setValue("replacing", decisionId);
    } catch (caught) {
      if (caught instanceof ApiError && caught.details.envelopeExceeded) setAskOverride(true);
      throw caught;
    }
    router.refresh();
    return "Proposition enregistrée. Elle reste invisible de l'établissement jusqu'à la publication des décisions de la vague.";
  });
  const commentOptions = (kind: ProposalComment["kind"]) =>
    comments
      .filter((comment) => comment.kind === kind)
      .map((comment) => ({ value: comment.id, label: `${comment.about} – ${comment.author}`, hint: comment.text }));

  return (
    <form aria-label="Proposition de décision" noValidate onSubmit={onSubmit}>
      <RadioField control={control} name="outcome" label="Décision proposée" options={OUTCOMES} />
      {outcome === "SELECTED" ? (
        <>
          <TextField
            control={control}
            name="amountGranted"
            label="Montant accordé (€)"
            hint="Au plus le montant demandé."
            inputMode="decimal"
          />
          <TextAreaField
            control={control}
            name="conditions"
            label="Conditions (facultatif)"
            hint="Elles figureront dans la lettre de décision."
            rows={3}
          />
        </>
      ) : (
        <TextAreaField
          control={control}
          name="reasons"
          label="Motifs (obligatoire)"
          hint="Ils figureront dans la lettre de décision."
          rows={3}
        />
      )}
      {askOverride ? (
        <TextAreaField
          control={control}
          name="envelopeOverrideReason"
          label="Justification du dépassement de l'enveloppe"
          hint="Obligatoire quand la proposition porte les montants accordés au-delà de l'enveloppe ; inscrite au journal d'audit."
          rows={2}
        />
      ) : null}
      {comments.some((comment) => comment.kind === "score") ? (
        <CheckboxesField
          control={control}
          name="releasableScoreIds"
          label="Commentaires par critère que la lettre peut citer"
          hint="Sans le nom de leur auteur. Les commentaires non cochés restent internes."
          options={commentOptions("score")}
        />
      ) : null}
      {comments.some((comment) => comment.kind === "review") ? (
        <CheckboxesField
          control={control}
          name="releasableReviewIds"
          label="Appréciations générales que la lettre peut citer"
          hint="Sans le nom de leur auteur. Les appréciations non cochées restent internes."
          options={commentOptions("review")}
        />
      ) : null}
      <SubmitResultAlert result={result} className={fr.cx("fr-my-2w")} />
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-save-line">
        Enregistrer la proposition
      </Button>
    </form>
  );
}
