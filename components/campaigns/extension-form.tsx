"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { TextAreaField, TextField, useQuietGroupMessages } from "@/components/forms/fields";
import { type ExtensionAudience, extensionDoneMessage } from "@/lib/campaigns/extension-notice";
import { ZDeadlineExtensionInput } from "@/lib/campaigns/schemas";
import { shortensExtension, shorteningNotice } from "@/lib/campaigns/wave-rules";
import { callApi } from "@/lib/http/api-client";
import { normalizeFiness } from "@/lib/identifiers/finess";
import { isParisLocalTime, parisDateTime } from "@/lib/time/paris";
import { ariaInvalid, errorState } from "@/components/forms/field-error";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";

type Values = z.input<typeof ZDeadlineExtensionInput>;

/** The confirmation group's id: react-dsfr names its legend `<id>-legend` and its error `<id>-desc-error`. */
const SHORTENING_GROUP = "extension-shortening";

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
    const done = await callApi<{ shortened: boolean; closesAt: string; audience: ExtensionAudience }>(
      `/api/waves/${waveId}/extensions`,
      "POST",
      values,
    );
    form.reset();
    router.refresh();
    // Says whether the deadline moved later or earlier, and who is told (nobody, when no member yet).
    return extensionDoneMessage({ kind: done.shortened ? "shortened" : "granted", closesAt: new Date(done.closesAt) }, done.audience);
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
              id={SHORTENING_GROUP}
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
                    // The sentence saying what is confirmed (the legend), and the refusal when there is one.
                    "aria-describedby": [`${SHORTENING_GROUP}-legend`, fieldState.error ? `${SHORTENING_GROUP}-desc-error` : null]
                      .filter(Boolean)
                      .join(" "),
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
