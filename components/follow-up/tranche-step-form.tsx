"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { type Control, useForm } from "react-hook-form";
import { TextAreaField, TextField } from "@/components/forms/fields";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { type TTrancheStepFormValues, type TTrancheStepInput, ZTrancheStepInput } from "@/lib/follow-up/tranche-step-schema";
import { TRANCHE_STEPS, type TrancheStep } from "@/lib/follow-up/tranche-steps";
import { callApi } from "@/lib/http/api-client";

/** Every field a step may have: each step's form shows its own. */
type Fields = { orderedOn: string; paidOn: string; paymentReference: string; reason: string };

const DONE: Readonly<Record<TrancheStep, string>> = {
  order: "Ordonnancement enregistré.",
  pay: "Paiement enregistré.",
  "undo-order": "Ordonnancement annulé.",
  "undo-payment": "Paiement annulé.",
};

/** One payment step of a tranche, recorded by a programme manager (the rules: lib/follow-up/tranche-steps.ts). */
export function TrancheStepForm({
  trancheId,
  step,
  today,
  onDone,
}: {
  trancheId: string;
  step: TrancheStep;
  today: string;
  /** Told what was done: this form leaves the page with the refresh, its message with it. */
  onDone: (text: string) => void;
}) {
  const router = useRouter();
  const form = useForm<TTrancheStepFormValues, unknown, TTrancheStepInput>({
    resolver: zodResolver(ZTrancheStepInput),
    defaultValues: { step, orderedOn: today, paidOn: today, paymentReference: "", reason: "" } as TTrancheStepFormValues,
  });
  const control = form.control as unknown as Control<Fields>;
  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    await callApi(`/api/tranches/${trancheId}`, "POST", values);
    onDone(DONE[step]);
    router.refresh();
  });
  const undo = step === "undo-order" || step === "undo-payment";
  return (
    <form onSubmit={onSubmit} noValidate aria-label={TRANCHE_STEPS[step].label} className={fr.cx("fr-mb-4w")}>
      {step === "order" ? <TextField control={control} name="orderedOn" type="date" label="Date d'ordonnancement" /> : null}
      {step === "pay" ? (
        <>
          <TextField control={control} name="paidOn" type="date" label="Date du paiement" />
          <TextField
            control={control}
            name="paymentReference"
            label="Référence du paiement"
            hint="Le numéro du mandat ou du virement, tel que l'établissement le lira sur son relevé."
            maxLength={100}
          />
        </>
      ) : null}
      {undo ? (
        <TextAreaField
          control={control}
          name="reason"
          label="Raison de la correction"
          hint="Elle est inscrite au journal avec ce qui était enregistré."
        />
      ) : null}
      <SubmitResultAlert result={result} className={fr.cx("fr-my-2w")} />
      <Button type="submit" priority={undo ? "secondary" : "primary"} disabled={form.formState.isSubmitting}>
        {TRANCHE_STEPS[step].label}
      </Button>
    </form>
  );
}
