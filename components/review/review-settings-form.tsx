"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { ariaInvalid, errorState, quietMessages } from "@/components/forms/field-error";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useController, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { BooleanField } from "@/components/campaigns/form-fields";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { useKnownVersion } from "@/components/forms/use-known-version";
import { RadioField, TextField } from "@/components/forms/fields";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { callApi } from "@/lib/http/api-client";
import { ZReviewSettingsInput } from "@/lib/review/assignment-schemas";
import { reviewSettingsOutcome } from "@/lib/review/review-settings-outcome";

type Values = z.input<typeof ZReviewSettingsInput>;

/**
 * The number of reviewers per dossier, as a number field (the schema wants a number). Its ref is
 * react-hook-form's, which gives it the focus when it is in error, as TextField's fields get it.
 */
function ReviewersPerDossierField({ control }: { control: ReturnType<typeof useForm<Values>>["control"] }) {
  const { field, fieldState } = useController({ control, name: "reviewersPerDossier" });
  return (
    <Input
      ref={quietMessages}
      label="Instructeurs par dossier et par niveau"
      hintText="Entre 1 et 10 ; 2 par défaut."
      {...errorState(fieldState.error?.message)}
      nativeInputProps={{
        ...ariaInvalid(fieldState.error?.message),
        ref: field.ref,
        name: field.name,
        type: "number",
        min: 1,
        max: 10,
        value: String(field.value ?? ""),
        onChange: (event) => field.onChange(event.target.value === "" ? Number.NaN : Number(event.target.value)),
        onBlur: field.onBlur,
      }}
    />
  );
}

/** The wave's review settings: one tier or two, their due dates, k, reviewers named or anonymous. */
export function ReviewSettingsForm({ waveId, defaultValues }: { waveId: string; defaultValues: Values }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof ZReviewSettingsInput>>({
    resolver: zodResolver(ZReviewSettingsInput),
    defaultValues,
    mode: "onBlur",
  });
  const tiers = useWatch({ control: form.control, name: "reviewTiers" });
  const version = useKnownVersion(defaultValues.expectedVersion);
  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    const expectedVersion = version.current();
    const result = await callApi<{ changed: string[]; scored: string[]; version: number }>(`/api/waves/${waveId}/review-settings`, "PUT", {
      ...values,
      expectedVersion,
    });
    version.saved(expectedVersion, result.version);
    router.refresh();
    return reviewSettingsOutcome(result);
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Paramètres de l'instruction">
      <RadioField
        control={form.control}
        name="reviewTiers"
        label="Niveaux d'instruction"
        options={[
          { value: "NATIONAL_ONLY", label: "National seulement (ANS)" },
          { value: "REGIONAL_THEN_NATIONAL", label: "Régional (ARS) puis national (ANS)" },
        ]}
      />
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        {tiers === "REGIONAL_THEN_NATIONAL" ? (
          <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
            <TextField
              control={form.control}
              name="regionalReviewDueAt"
              label="Échéance du niveau régional (heure de Paris)"
              type="datetime-local"
            />
          </div>
        ) : null}
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <TextField
            control={form.control}
            name="nationalReviewDueAt"
            label="Échéance du niveau national (heure de Paris)"
            type="datetime-local"
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <ReviewersPerDossierField control={form.control} />
        </div>
      </div>
      <BooleanField
        control={form.control}
        name="reviewersAnonymous"
        label="Instructeurs anonymes entre eux"
        hint="Une fois leur évaluation transmise, les instructeurs voient celles des autres sous « Instructeur A, B… ». Les chargés de programme voient toujours les noms."
      />
      <SubmitResultAlert result={result} className={fr.cx("fr-my-2w")} />
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-save-line">
        Enregistrer les paramètres
      </Button>
    </form>
  );
}
