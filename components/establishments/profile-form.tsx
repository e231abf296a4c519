"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { RequiredFieldsNotice, TextField, ToggleField } from "@/components/forms/fields";
import { EstablishmentIdentityFields } from "./identity-fields";
import { removeRowKeepingFocus } from "@/components/forms/remove-row";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { PROFILE_TEXT_MAX, type TEstablishmentProfileFormValues, ZEstablishmentProfileInput } from "@/lib/establishments/profile-schema";
import { callApi } from "@/lib/http/api-client";
import { useKnownVersion } from "@/components/forms/use-known-version";

type Option = { value: string; label: string };

/**
 * The establishment's identity (FINESS, SIRET), place, size, the facts the roster's rules read
 * (AIR simplifié, federation, the entitlement procedure of objective 1), and contacts.
 */
export function ProfileForm({
  establishmentId,
  version,
  initialValues,
  categories,
  departments,
}: {
  establishmentId: string;
  version: number;
  initialValues: TEstablishmentProfileFormValues;
  categories: readonly Option[];
  departments: readonly Option[];
}) {
  const router = useRouter();
  const form = useForm<TEstablishmentProfileFormValues>({
    defaultValues: initialValues,
    resolver: zodResolver(ZEstablishmentProfileInput) as never,
    mode: "onBlur",
  });
  const contacts = useFieldArray({ control: form.control, name: "contacts" });
  const { control } = form;
  const procedureInForce = useWatch({ control, name: "entitlementProcedureInForce" });

  const knownVersion = useKnownVersion(version);
  const { onSubmit, result } = useApiSubmit(
    form,
    async (values) => {
      const expectedVersion = knownVersion.current();
      const saved = await callApi<{ version: number }>(`/api/establishments/${establishmentId}`, "PUT", {
        expectedVersion,
        profile: values,
      });
      knownVersion.saved(expectedVersion, saved.version);
      router.refresh();
      return "Le profil de l'établissement est enregistré.";
    },
    { within: "profile" },
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <SubmitResultAlert result={result} className={fr.cx("fr-mb-3w")} />
      <RequiredFieldsNotice />
      <EstablishmentIdentityFields control={control} categories={categories} departments={departments} />
      <TextField control={control} name="ght" label="Groupement hospitalier de territoire (facultatif)" maxLength={PROFILE_TEXT_MAX.ght} />
      <ToggleField
        control={control}
        name="usesAirSimplifie"
        label="L'établissement accède au DMP par AIR simplifié"
        hint="Ses professionnels qui ont un moyen d'identification à deux facteurs conforme au RIE (carte CPS, e-CPS, clé FIDO2 enrôlée dans Pro Santé Connect, application carte Vitale, ou moyen local à deux facteurs homologué) sont alors comptés comme accédant au DMP, même sans Pro Santé Connect."
        title="AIR simplifié"
      />
      <ToggleField
        control={control}
        name="idpFederatedWithPsc"
        label="Le fournisseur d'identité de l'établissement est fédéré avec Pro Santé Connect"
        hint="Ses professionnels qui se connectent avec un moyen local à deux facteurs homologué sont alors comptés comme accédant au DMP par Pro Santé Connect."
        title="Fédération avec Pro Santé Connect"
      />
      <ToggleField
        control={control}
        name="entitlementProcedureInForce"
        label="Une procédure de gestion des habilitations est en vigueur dans l'établissement"
        hint="Procédure de contrôle et de mise à jour des habilitations des professionnels (profession, catégorie professionnelle, diplôme…) et de gestion de leurs débuts et fins d'activité. L'objectif 1 la demande, avec l'enregistrement de tous les professionnels au RPPS et la vérification de leur identité."
        title="Procédure de gestion des habilitations"
      />
      {procedureInForce ? (
        <TextField control={control} name="entitlementProcedureAdoptedOn" label="Date d'adoption de la procédure" type="date" />
      ) : null}

      <h2 className={fr.cx("fr-h5", "fr-mt-4w")}>Contacts</h2>
      {contacts.fields.map((contact, index) => (
        <fieldset key={contact.id} className={fr.cx("fr-fieldset")}>
          <legend className={fr.cx("fr-fieldset__legend")}>Contact {index + 1}</legend>
          <div className={fr.cx("fr-fieldset__element")}>
            <TextField control={control} name={`contacts.${index}.fullName`} label="Prénom et nom" maxLength={PROFILE_TEXT_MAX.fullName} />
            <TextField control={control} name={`contacts.${index}.role`} label="Fonction" maxLength={PROFILE_TEXT_MAX.role} />
            <TextField control={control} name={`contacts.${index}.email`} label="Adresse électronique" type="email" />
            <TextField control={control} name={`contacts.${index}.phone`} label="Téléphone (facultatif)" type="tel" />
            <Button
              type="button"
              size="small"
              priority="tertiary"
              iconId="fr-icon-delete-line"
              onClick={(event) => removeRowKeepingFocus(event.currentTarget, () => contacts.remove(index))}
            >
              Retirer le contact {index + 1}
            </Button>
          </div>
        </fieldset>
      ))}
      <Button
        type="button"
        priority="secondary"
        iconId="fr-icon-add-line"
        onClick={() => contacts.append({ fullName: "", role: "", email: "", phone: "" })}
      >
        Ajouter un contact
      </Button>
      <div className={fr.cx("fr-mt-4w")}>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Enregistrer le profil
        </Button>
      </div>
    </form>
  );
}
