"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { TextAreaField, TextField, useQuietGroupMessages } from "@/components/forms/fields";
import { ZDeadlineExtensionInput } from "@/lib/campaigns/schemas";
import { shortensExtension, shorteningNotice } from "@/lib/campaigns/wave-rules";
import { callApi } from "@/lib/http/api-client";
import { normalizeFiness } from "@/lib/identifiers/finess";
import { isParisLocalTime, parisDateTime } from "@/lib/time/paris";
import { ariaInvalid, errorState } from "@/components/forms/field-error";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";

type Values = z.input<typeof ZDeadlineExtensionInput>;

/** An extension already granted on the wave, as the form compares a new date with it. */
export type GrantedExtension = { finessEt: string; establishment: string; closesAt: Date };

/** The sentence the manager confirms when the new date brings an establishment's extension forward; null otherwise. */
function shorteningOf(granted: readonly GrantedExtension[], finessEt: string, newClosesAt: string): string | null {
  const previous = granted.find((extension) => extension.finessEt === normalizeFiness(finessEt));
  if (!previous || !isParisLocalTime(newClosesAt)) return null;
  const closesAt = parisDateTime(newClosesAt);
  return shortensExtension(previous, { closesAt }) ? shorteningNotice(previous.establishment, previous.closesAt, closesAt) : null;
}

/**
 * A programme manager grants (or moves) one establishment's extension on the wave. An earlier
 * date than the one granted asks for a confirmation first, saying it shortens the deadline; the
 * server refuses it without (ADR 0038), and the box then shows with its message.
 */
export function ExtensionForm({ waveId, granted }: { waveId: string; granted: readonly GrantedExtension[] }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof ZDeadlineExtensionInput>>({
    resolver: zodResolver(ZDeadlineExtensionInput),
    defaultValues: { finessEt: "", newClosesAt: "", reason: "", confirmShortening: false },
  });
  const [finessEt, newClosesAt] = useWatch({ control: form.control, name: ["finessEt", "newClosesAt"] });
  const shortening = shorteningOf(granted, finessEt ?? "", newClosesAt ?? "");
  const confirmationError = form.formState.errors.confirmShortening?.message;
  const confirmationGroup = useQuietGroupMessages(confirmationError);

  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    await callApi(`/api/waves/${waveId}/extensions`, "POST", values);
    form.reset();
    router.refresh();
    return "Prolongation accordée. Les membres de l'établissement en sont informés par courriel.";
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Accorder une prolongation">
      <TextField
        control={form.control}
        name="finessEt"
        label="FINESS de l'établissement (ET)"
        hint="9 caractères, par exemple « 790001234 »."
        maxLength={11}
      />
      <TextField
        control={form.control}
        name="newClosesAt"
        label="Nouvelle date limite (heure de Paris)"
        hint="Date et heure de Paris, postérieures à la clôture de la vague ; cette minute est comprise."
        type="datetime-local"
      />
      <TextAreaField
        control={form.control}
        name="reason"
        label="Motif"
        hint="Inscrit au journal d'audit et communiqué à l'établissement."
        rows={3}
        maxLength={500}
      />
      {shortening || confirmationError ? (
        <Controller
          control={form.control}
          name="confirmShortening"
          render={({ field, fieldState }) => (
            <Checkbox
              ref={confirmationGroup}
              legend={shortening ?? "Raccourcir le délai"}
              small
              {...errorState(fieldState.error?.message)}
              options={[
                {
                  label: "Je confirme raccourcir le délai de cet établissement",
                  nativeInputProps: {
                    ref: field.ref,
                    name: field.name,
                    checked: Boolean(field.value),
                    onChange: (event) => field.onChange(event.target.checked),
                    onBlur: field.onBlur,
                    ...ariaInvalid(fieldState.error?.message),
                  },
                },
              ]}
            />
          )}
        />
      ) : null}
      <SubmitResultAlert result={result} className={fr.cx("fr-mb-2w")} />
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-time-line">
        Accorder la prolongation
      </Button>
    </form>
  );
}
