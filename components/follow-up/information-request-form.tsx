"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { type Control, useForm } from "react-hook-form";
import type { z } from "zod";
import { TextAreaField, TextField } from "@/components/forms/fields";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { ZInformationRequestInput } from "@/lib/follow-up/verification-schema";
import { formatTimeOfDay } from "@/lib/format/time-of-day";
import { callApi } from "@/lib/http/api-client";

type Values = z.input<typeof ZInformationRequestInput>;

/** A tier sends the declaration back to the establishment: what to complete, and by when. */
export function InformationRequestForm({ applicationId, version }: { applicationId: string; version: number }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof ZInformationRequestInput>>({
    resolver: zodResolver(ZInformationRequestInput),
    defaultValues: { step: "requestInformation", version, message: "", responseDueOn: "" },
    mode: "onBlur",
  });
  const control = form.control as unknown as Control<Values>;
  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    await callApi(`/api/applications/${applicationId}/verification`, "POST", values);
    router.refresh();
    return "Complément demandé : l'établissement est prévenu par courriel.";
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Demande de complément">
      <TextAreaField control={control} name="message" label="Ce que l'établissement doit compléter" rows={4} maxLength={8000} />
      <TextField
        control={control}
        name="responseDueOn"
        type="date"
        label="Date limite de réponse"
        hint={`Jusqu'à ${formatTimeOfDay({ hour: 23, minute: 59 })}, heure de Paris.`}
      />
      <SubmitResultAlert result={result} className={fr.cx("fr-my-2w")} />
      <Button type="submit" priority="secondary" disabled={form.formState.isSubmitting} iconId="fr-icon-question-line">
        Demander un complément
      </Button>
    </form>
  );
}
