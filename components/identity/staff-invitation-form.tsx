"use client";

import { ariaInvalid, errorState, quietMessages } from "@/components/forms/field-error";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { callApi } from "@/lib/http/api-client";
import { invitationSentMessage } from "@/lib/identity/invitation-sent-message";
import { ZInvitationInput } from "@/lib/identity/schemas";
import { RequiredFieldsNotice, useQuietGroupMessages } from "@/components/forms/fields";

type StaffInvitation = Extract<z.input<typeof ZInvitationInput>, { purpose: "STAFF" }>;

/** A programme manager invites a reviewer, of the ANS or of an ARS, or another programme manager. */
export function StaffInvitationForm() {
  const router = useRouter();
  const form = useForm<StaffInvitation>({
    resolver: zodResolver(ZInvitationInput) as never,
    defaultValues: { purpose: "STAFF", email: "", staffRole: "REVIEWER" },
  });
  const { errors, isSubmitting } = form.formState;
  const roleGroup = useQuietGroupMessages(errors.staffRole?.message);

  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    const { superseded } = await callApi<{ superseded: number }>("/api/invitations", "POST", values);
    form.reset({ purpose: "STAFF", email: "", staffRole: values.staffRole });
    router.refresh();
    return invitationSentMessage(values.email, superseded);
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <SubmitResultAlert result={result} className="fr-mb-2w" />
      <RequiredFieldsNotice />
      <Input
        ref={quietMessages}
        label="Adresse électronique"
        {...errorState(errors.email?.message)}
        nativeInputProps={{ type: "email", autoComplete: "off", ...form.register("email"), ...ariaInvalid(errors.email?.message) }}
      />
      <RadioButtons
        ref={roleGroup}
        legend="Rôle"
        {...errorState(errors.staffRole?.message)}
        options={[
          {
            label: "Instructeur ou instructrice",
            hintText: "Évalue les dossiers qui lui sont attribués",
            nativeInputProps: { value: "REVIEWER", ...form.register("staffRole"), ...ariaInvalid(errors.staffRole?.message) },
          },
          {
            label: "Instructeur ou instructrice d'une ARS",
            hintText: "Évalue, au niveau régional, les dossiers de ses régions (à choisir sur sa fiche une fois le compte activé)",
            nativeInputProps: { value: "REGIONAL_REVIEWER", ...form.register("staffRole"), ...ariaInvalid(errors.staffRole?.message) },
          },
          {
            label: "Chargé ou chargée de programme",
            hintText: "Configure les vagues, attribue et décide",
            nativeInputProps: { value: "PROGRAMME_MANAGER", ...form.register("staffRole"), ...ariaInvalid(errors.staffRole?.message) },
          },
        ]}
      />
      <Button type="submit" disabled={isSubmitting} iconId="fr-icon-mail-line">
        Envoyer l&apos;invitation
      </Button>
    </form>
  );
}
