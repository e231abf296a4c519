"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { removeRowKeepingFocus } from "@/components/forms/remove-row";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { CheckboxesField, RadioField, SelectField, TextField } from "@/components/forms/fields";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { REGION_OPTIONS } from "@/lib/establishments/territories";
import { callApi } from "@/lib/http/api-client";
import { ZReviewerProfileInput } from "@/lib/review/reviewer-profile-schema";

type Values = z.input<typeof ZReviewerProfileInput>;
const KIND_OPTIONS = [
  { value: "FINESS", label: "Employeur (FINESS de l'entité juridique ou du site)" },
  { value: "SIRET", label: "Employeur ou société (SIRET)" },
  { value: "ARS", label: "ARS d'une région" },
];

/** A reviewer's role, regions (ARS) and affiliations, from which conflicts are detected. */
export function ReviewerProfileForm({ userId, defaultValues }: { userId: string; defaultValues: Values }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof ZReviewerProfileInput>>({
    resolver: zodResolver(ZReviewerProfileInput),
    defaultValues,
    mode: "onBlur",
  });
  const affiliations = useFieldArray({ control: form.control, name: "affiliations" });
  const role = useWatch({ control: form.control, name: "staffRole" });
  const { onSubmit, result } = useApiSubmit(
    form,
    async (values) => {
      const { warning } = await callApi<{ warning: string | null }>(`/api/users/${userId}/reviewer-profile`, "PUT", values);
      router.refresh();
      // Affiliations that flag dossiers already assigned: said with the save, the assignment page flags them.
      return warning ? `Fiche enregistrée. ${warning}` : "Fiche enregistrée.";
    },
    { reportInvalid: true },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Fiche d'instructeur">
      <RadioField
        control={form.control}
        name="staffRole"
        label="Rôle"
        options={[
          { value: "REVIEWER", label: "Instructeur de l'ANS (niveau national)" },
          { value: "REGIONAL_REVIEWER", label: "Instructeur d'ARS (niveau régional)" },
        ]}
      />
      {role === "REGIONAL_REVIEWER" ? (
        <CheckboxesField
          control={form.control}
          name="regionCodes"
          label="Régions couvertes"
          hint="L'instructeur ne voit que les dossiers des établissements de ces régions."
          options={REGION_OPTIONS}
        />
      ) : null}
      <h2 className={fr.cx("fr-h5", "fr-mt-4w")}>Liens d&apos;intérêts</h2>
      <p>
        Employeurs et liens des 3 dernières années au moins : un dossier dont l&apos;établissement, l&apos;entité juridique ou un partenaire
        correspond est signalé et n&apos;est jamais attribué automatiquement.
      </p>
      {affiliations.fields.map((field, index) => (
        <fieldset key={field.id} className={fr.cx("fr-fieldset", "fr-mb-2w")}>
          <legend className={fr.cx("fr-fieldset__legend", "fr-text--md")}>Lien {index + 1}</legend>
          <div className={fr.cx("fr-fieldset__element")}>
            <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
              <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
                <SelectField control={form.control} name={`affiliations.${index}.kind`} label="Type" options={KIND_OPTIONS} />
              </div>
              <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
                <TextField
                  control={form.control}
                  name={`affiliations.${index}.reference`}
                  label="FINESS, SIRET ou code région"
                  maxLength={17}
                />
              </div>
              <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
                <TextField control={form.control} name={`affiliations.${index}.label`} label="Nom (facultatif)" maxLength={200} />
              </div>
              <div className={fr.cx("fr-col-6", "fr-col-md-4")}>
                <TextField control={form.control} name={`affiliations.${index}.startsOn`} label="Depuis le" type="date" />
              </div>
              <div className={fr.cx("fr-col-6", "fr-col-md-4")}>
                <TextField control={form.control} name={`affiliations.${index}.endsOn`} label="Jusqu'au (vide : en cours)" type="date" />
              </div>
            </div>
            <Button
              type="button"
              size="small"
              priority="tertiary"
              iconId="fr-icon-delete-line"
              onClick={(event) => removeRowKeepingFocus(event.currentTarget, () => affiliations.remove(index))}
            >
              Retirer le lien {index + 1}
            </Button>
          </div>
        </fieldset>
      ))}
      <Button
        type="button"
        priority="secondary"
        iconId="fr-icon-add-line"
        className={fr.cx("fr-mb-3w")}
        onClick={() => affiliations.append({ kind: "FINESS", reference: "", label: "", startsOn: "", endsOn: "" })}
      >
        Ajouter un lien
      </Button>
      <SubmitResultAlert result={result} className={fr.cx("fr-mb-2w")} />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-save-line">
          Enregistrer la fiche
        </Button>
      </div>
    </form>
  );
}
