"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { RequiredFieldsNotice, TextField } from "@/components/forms/fields";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import {
  type TEstablishmentRegistrationFormValues,
  type TEstablishmentRegistrationInput,
  ZEstablishmentRegistrationInput,
} from "@/lib/establishments/registration-schema";
import { callApi } from "@/lib/http/api-client";
import { EstablishmentIdentityFields } from "./identity-fields";

type Option = { value: string; label: string };

const EMPTY: TEstablishmentRegistrationFormValues = {
  name: "",
  finessEt: "",
  finessEj: "",
  siret: "",
  categoryCode: "",
  departmentCode: "",
  city: "",
  headcount: "",
  directorEmail: "",
};

/** A programme manager registers a candidate establishment; its director is invited by e-mail. */
export function EstablishmentRegistrationForm({
  categories,
  departments,
  invitationHours,
}: {
  categories: readonly Option[];
  departments: readonly Option[];
  invitationHours: number;
}) {
  const router = useRouter();
  const form = useForm<TEstablishmentRegistrationFormValues, unknown, TEstablishmentRegistrationInput>({
    defaultValues: EMPTY,
    resolver: zodResolver(ZEstablishmentRegistrationInput),
    mode: "onBlur",
  });
  const { onSubmit, result } = useApiSubmit(
    form,
    async (values) => {
      const { establishmentId } = await callApi<{ establishmentId: string }>("/api/establishments", "POST", values);
      router.push(`/etablissements/${establishmentId}/membres?inscrit=1`);
    },
    { reportInvalid: true },
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <RequiredFieldsNotice />
      <EstablishmentIdentityFields control={form.control} categories={categories} departments={departments} />
      <h2 className={fr.cx("fr-h5", "fr-mt-4w")}>Direction de l&apos;établissement</h2>
      <TextField
        control={form.control}
        name="directorEmail"
        type="email"
        label="Adresse électronique de la direction"
        hint={`Elle reçoit une invitation valable ${invitationHours} heures pour créer son accès, compléter le profil et déposer le dossier.`}
      />
      <div aria-live="assertive" className={fr.cx("fr-mt-3w")}>
        {result ? (
          <Alert severity={result.severity} small description={result.text} className={fr.cx("fr-mb-2w")} role={undefined} />
        ) : null}
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-check-line">
        Inscrire l&apos;établissement et inviter sa direction
      </Button>
    </form>
  );
}
