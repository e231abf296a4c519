"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { type Control, useForm } from "react-hook-form";
import type { z } from "zod";
import { RadioField, TextAreaField } from "@/components/forms/fields";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { ZVerificationDecisionInput } from "@/lib/follow-up/verification-schema";
import { formatCount } from "@/lib/format/numbers";
import { callApi } from "@/lib/http/api-client";

type Values = z.input<typeof ZVerificationDecisionInput>;

/** Asked before recording: a tier's decision is not changed afterwards, and one refusal refuses the results for good. */
function confirmation(tier: "ARS" | "ANS", decisions: ReadonlyArray<"approve" | "refuse">): string {
  const refused = decisions.filter((decision) => decision === "refuse").length;
  return refused === 0
    ? `Enregistrer la décision de l'${tier} ? Tous les objectifs sont approuvés ; la décision ne pourra plus être modifiée.`
    : `Enregistrer la décision de l'${tier} ? ${formatCount(refused, "objectif refusé", "objectifs refusés")} : les résultats déclarés seront refusés, définitivement.`;
}

const DECISIONS = [
  { value: "approve", label: "Approuvé" },
  { value: "refuse", label: "Refusé" },
];

/** A tier's decision on the declared results, objective by objective: approve, or refuse with a reason (an approval against the evidence too). */
export function VerificationDecisionForm({
  applicationId,
  version,
  tier,
  objectives,
}: {
  applicationId: string;
  version: number;
  tier: "ARS" | "ANS";
  /** `approvalNeedsReason`: why approving it must be explained too (verification-rules.ts), or null. */
  objectives: ReadonlyArray<{ code: string; title: string; approvalNeedsReason: string | null }>;
}) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof ZVerificationDecisionInput>>({
    resolver: zodResolver(ZVerificationDecisionInput),
    defaultValues: {
      step: "decide",
      version,
      objectives: objectives.map((objective) => ({ objectiveCode: objective.code, decision: undefined, reason: "" })),
    },
    mode: "onBlur",
  });
  const control = form.control as unknown as Control<Values>;
  const { onSubmit, result } = useApiSubmit(
    form,
    async (values) => {
      if (
        !window.confirm(
          confirmation(
            tier,
            values.objectives.map((objective) => objective.decision),
          ),
        )
      )
        return;
      const moved = await callApi<{ state: string }>(`/api/applications/${applicationId}/verification`, "POST", values);
      router.refresh();
      return moved.state === "REFUSED"
        ? "Décision enregistrée : les résultats sont refusés."
        : "Décision enregistrée : les résultats sont approuvés.";
    },
    { reportInvalid: true },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Décision de l'${tier}`}>
      {objectives.map((objective, index) => (
        <fieldset key={objective.code} className={fr.cx("fr-fieldset")}>
          <legend className={fr.cx("fr-fieldset__legend")}>
            {objective.code} – {objective.title}
          </legend>
          <div className={fr.cx("fr-fieldset__element")}>
            <RadioField
              control={control}
              name={`objectives.${index}.decision`}
              label={`Décision sur l'objectif ${objective.code}`}
              options={DECISIONS}
            />
            <TextAreaField
              control={control}
              name={`objectives.${index}.reason`}
              label={`Motif pour l'objectif ${objective.code}`}
              hint={
                objective.approvalNeedsReason
                  ? `Obligatoire pour refuser comme pour approuver : ${objective.approvalNeedsReason}.`
                  : "Obligatoire en cas de refus."
              }
              rows={2}
              maxLength={4000}
            />
          </div>
        </fieldset>
      ))}
      <SubmitResultAlert result={result} className={fr.cx("fr-my-2w")} />
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-check-line">
        Enregistrer la décision de l&apos;{tier}
      </Button>
    </form>
  );
}
