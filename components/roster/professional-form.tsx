"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { type Control, Controller, useFieldArray, useForm, useWatch } from "react-hook-form";
import { RequiredFieldsNotice, SelectField, TextField } from "@/components/forms/fields";
import { removeRowKeepingFocus } from "@/components/forms/remove-row";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { callApi } from "@/lib/http/api-client";
import { readRpps } from "@/lib/identifiers/rpps";
import { mieAwaitingRpps, mieAwaitingRppsWarning } from "@/lib/roster/mie-awaiting-rpps";
import { PROFESSIONAL_NAME_MAX, type TProfessionalFormValues, ZProfessionalInput } from "@/lib/roster/professional-schema";
import { useKnownVersion } from "@/components/forms/use-known-version";

type Option = { value: string; label: string };
export type ProfessionalFormOptions = {
  professions: Option[];
  populations: Option[];
  categories: Option[];
  rppsStatuses: Option[];
  identityVerifications: Option[];
  mieTypes: Option[];
};

const NEEDS = [
  ["needsDmp", "Dossier médical partagé (DMP)"],
  ["needsDpi", "Dossier patient ou usager informatisé (DPI / DUI)"],
  ["needsPscServices", "Services connectés à Pro Santé Connect"],
  ["needsSecureMessaging", "Messagerie sécurisée de santé (MSSanté)"],
] as const;

/** Adds a professional (no `professionalId`) or changes one, with its MIE enrolments. */
export function ProfessionalForm({
  establishmentId,
  professionalId,
  version,
  initialValues,
  options,
}: {
  establishmentId: string;
  professionalId?: string;
  version?: number;
  initialValues: TProfessionalFormValues;
  options: ProfessionalFormOptions;
}) {
  const router = useRouter();
  const form = useForm<TProfessionalFormValues>({
    defaultValues: initialValues,
    resolver: zodResolver(ZProfessionalInput) as never,
    mode: "onBlur",
  });
  const enrollments = useFieldArray({ control: form.control, name: "enrollments" });
  const { control } = form;
  const rosterPath = `/etablissements/${establishmentId}/professionnels`;
  const knownVersion = useKnownVersion(version ?? 0);

  const { onSubmit, result } = useApiSubmit(
    form,
    async (values) => {
      if (!professionalId) {
        const created = await callApi<{ id: string }>(`/api/establishments/${establishmentId}/roster/professionals`, "POST", values);
        router.push(`/etablissements/${establishmentId}/professionnels/${created.id}?cree=1`);
        return;
      }
      const expectedVersion = knownVersion.current();
      const saved = await callApi<{ version: number }>(
        `/api/establishments/${establishmentId}/roster/professionals/${professionalId}`,
        "PUT",
        {
          expectedVersion,
          professional: values,
        },
      );
      knownVersion.saved(expectedVersion, saved.version);
      router.refresh();
      return "La fiche est enregistrée.";
    },
    // A long form refused on fields further down says so at its top, as the other long forms do.
    { within: "professional", reportInvalid: true },
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <SubmitResultAlert result={result} className={fr.cx("fr-mb-3w")} />
      <RequiredFieldsNotice />
      <fieldset className={fr.cx("fr-fieldset")}>
        <legend className={fr.cx("fr-fieldset__legend")}>Identité</legend>
        <div className={fr.cx("fr-fieldset__element")}>
          <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
            <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <TextField control={control} name="lastName" label="Nom" maxLength={PROFESSIONAL_NAME_MAX} />
            </div>
            <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <TextField control={control} name="firstName" label="Prénom" maxLength={PROFESSIONAL_NAME_MAX} />
            </div>
            <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <TextField control={control} name="birthDate" label="Date de naissance" hint="Obligatoire sans numéro RPPS" type="date" />
            </div>
          </div>
          <SelectField
            control={control}
            name="identityVerification"
            label="Vérification de l'identité"
            hint="Le niveau eIDAS en découle"
            options={options.identityVerifications}
          />
        </div>
      </fieldset>

      <fieldset className={fr.cx("fr-fieldset")}>
        <legend className={fr.cx("fr-fieldset__legend")}>Exercice</legend>
        <div className={fr.cx("fr-fieldset__element")}>
          <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
            <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
              <SelectField control={control} name="professionCode" label="Profession" options={options.professions} />
            </div>
            <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
              <SelectField control={control} name="population" label="Population" options={options.populations} />
            </div>
            <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
              <SelectField control={control} name="category" label="Catégorie" options={options.categories} />
            </div>
            <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
              <TextField control={control} name="activityStart" label="Début d'activité" type="date" />
            </div>
            <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
              <TextField
                control={control}
                name="activityEnd"
                label="Fin d'activité (facultatif)"
                hint="Dernier jour d'activité"
                type="date"
              />
            </div>
          </div>
        </div>
      </fieldset>

      <fieldset className={fr.cx("fr-fieldset")}>
        <legend className={fr.cx("fr-fieldset__legend")}>Répertoire partagé des professionnels de santé (RPPS)</legend>
        <div className={fr.cx("fr-fieldset__element")}>
          <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
            <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <TextField
                control={control}
                name="rpps"
                label="Numéro RPPS"
                hint="11 chiffres ; facultatif sans enregistrement au RPPS"
                inputMode="numeric"
              />
            </div>
            <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <SelectField control={control} name="rppsStatus" label="Statut RPPS" options={options.rppsStatuses} />
            </div>
            <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <TextField
                control={control}
                name="rppsCheckedAt"
                label="Dernière vérification (facultatif)"
                hint="À refaire au moins tous les deux ans"
                type="date"
              />
            </div>
          </div>
        </div>
      </fieldset>

      <fieldset className={fr.cx("fr-fieldset")}>
        <legend className={fr.cx("fr-fieldset__legend")}>Accès nécessaires</legend>
        <div className={fr.cx("fr-fieldset__element")}>
          {NEEDS.map(([name, label]) => (
            <Controller
              key={name}
              control={control}
              name={name}
              render={({ field }) => (
                <Checkbox
                  small
                  options={[
                    {
                      label,
                      nativeInputProps: {
                        name: field.name,
                        checked: Boolean(field.value),
                        onChange: (event) => field.onChange(event.target.checked),
                        onBlur: field.onBlur,
                      },
                    },
                  ]}
                />
              )}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className={fr.cx("fr-fieldset")}>
        <legend className={fr.cx("fr-fieldset__legend")}>Moyens d&apos;identification électronique (MIE)</legend>
        {enrollments.fields.length === 0 ? <p className={fr.cx("fr-fieldset__element")}>Aucun MIE enregistré.</p> : null}
        <MieAwaitingRppsWarning control={control} />
        {enrollments.fields.map((enrollment, index) => (
          <div key={enrollment.id} data-list-row className={fr.cx("fr-fieldset__element")}>
            <fieldset className={fr.cx("fr-fieldset")}>
              <legend className={fr.cx("fr-fieldset__legend", "fr-text--md")}>
                <EnrollmentLegend control={control} index={index} mieTypes={options.mieTypes} />
              </legend>
              <div className={fr.cx("fr-fieldset__element")}>
                <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")}>
                  <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
                    <SelectField control={control} name={`enrollments.${index}.type`} label="Type" options={options.mieTypes} />
                  </div>
                  <div className={fr.cx("fr-col-6", "fr-col-md-2")}>
                    <TextField control={control} name={`enrollments.${index}.enrolledAt`} label="Enrôlement" type="date" />
                  </div>
                  <div className={fr.cx("fr-col-6", "fr-col-md-2")}>
                    <TextField control={control} name={`enrollments.${index}.expiresAt`} label="Expiration (facultatif)" type="date" />
                  </div>
                  <div className={fr.cx("fr-col-6", "fr-col-md-2")}>
                    <TextField control={control} name={`enrollments.${index}.revokedAt`} label="Révocation (facultatif)" type="date" />
                  </div>
                  <div className={fr.cx("fr-col-6", "fr-col-md-2")}>
                    <Button
                      type="button"
                      size="small"
                      priority="tertiary"
                      iconId="fr-icon-delete-line"
                      onClick={(event) => removeRowKeepingFocus(event.currentTarget, () => enrollments.remove(index))}
                      className={fr.cx("fr-mb-3w")}
                    >
                      Retirer le MIE {index + 1}
                    </Button>
                  </div>
                </div>
              </div>
            </fieldset>
          </div>
        ))}
        <div className={fr.cx("fr-fieldset__element")}>
          <Button
            type="button"
            priority="secondary"
            iconId="fr-icon-add-line"
            onClick={() => enrollments.append({ type: "E_CPS", enrolledAt: "", expiresAt: "", revokedAt: "" })}
          >
            Ajouter un MIE
          </Button>
        </div>
      </fieldset>

      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
        <li>
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {professionalId ? "Enregistrer la fiche" : "Ajouter au registre"}
          </Button>
        </li>
        <li>
          <Button linkProps={{ href: rosterPath }} priority="secondary">
            Retour au registre
          </Button>
        </li>
      </ul>
    </form>
  );
}

/**
 * A MIE's own legend, its number and its type as chosen: every MIE has fields of the same names,
 * which only the group they are in tells apart (RGAA 11.5, 11.6).
 */
function EnrollmentLegend({ control, index, mieTypes }: { control: Control<TProfessionalFormValues>; index: number; mieTypes: Option[] }) {
  const type = useWatch({ control, name: `enrollments.${index}.type` });
  const label = mieTypes.find((option) => option.value === type)?.label;
  return label ? `MIE ${index + 1} – ${label}` : `MIE ${index + 1}`;
}

/**
 * Warns, without refusing, when an e-CPS or a PSC key is recorded for someone not registered in
 * RPPS: the director may record it before typing the number, but it counts for nothing until then.
 */
function MieAwaitingRppsWarning({ control }: { control: Control<TProfessionalFormValues> }) {
  const [rpps, rppsStatus, enrollments] = useWatch({ control, name: ["rpps", "rppsStatus", "enrollments"] });
  const warning = mieAwaitingRppsWarning(mieAwaitingRpps({ rpps: readRpps(rpps ?? ""), rppsStatus, enrollments: enrollments ?? [] }));
  return (
    <div aria-live="polite" className={fr.cx("fr-fieldset__element")}>
      {warning ? <Alert severity="warning" small description={warning} role={undefined} /> : null}
    </div>
  );
}
