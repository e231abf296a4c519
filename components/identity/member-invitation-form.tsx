"use client";

import { ariaInvalid, errorState, quietMessages } from "@/components/forms/field-error";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { zodResolver } from "@hookform/resolvers/zod";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { MEMBERSHIP_ROLE_LABELS } from "@/lib/establishments/membership-role-labels";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { callApi } from "@/lib/http/api-client";
import { invitationSentMessage } from "@/lib/identity/invitation-sent-message";
import { ZInvitationInput } from "@/lib/identity/schemas";
import { RequiredFieldsNotice, useQuietGroupMessages } from "@/components/forms/fields";

type MemberInvitation = Extract<z.input<typeof ZInvitationInput>, { purpose: "MEMBER" }>;

const ROLE_HINTS: Record<MembershipRole, string> = {
  EDITOR: "Complète les dossiers et la liste des professionnels",
  DIRECTOR: "De plus, déclare les résultats de l'établissement et invite d'autres personnes à la direction",
};

/**
 * Invites a colleague into the establishment: as co-editor, or at the direction when `roles` offers
 * it (the director and programme managers only: the access policy says who). Like the staff's
 * invitation form, an address in error takes the focus, and a sent invitation gives it back to
 * the button, disabled while the request ran.
 */
export function MemberInvitationForm({ establishmentId, roles }: { establishmentId: string; roles: readonly MembershipRole[] }) {
  const router = useRouter();
  const form = useForm<MemberInvitation>({
    resolver: zodResolver(ZInvitationInput) as never,
    defaultValues: { purpose: "MEMBER", email: "", establishmentId, membershipRole: "EDITOR" },
  });
  const { errors, isSubmitting } = form.formState;
  const roleGroup = useQuietGroupMessages(errors.membershipRole?.message);

  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    const { superseded } = await callApi<{ superseded: number }>("/api/invitations", "POST", values);
    form.reset({ purpose: "MEMBER", email: "", establishmentId, membershipRole: values.membershipRole });
    router.refresh();
    return invitationSentMessage(values.email, superseded);
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <SubmitResultAlert result={result} className="fr-mb-2w" />
      <RequiredFieldsNotice />
      <Input
        ref={quietMessages}
        label="Adresse électronique de la personne à inviter"
        {...errorState(errors.email?.message)}
        nativeInputProps={{
          type: "email",
          autoComplete: "off",
          required: true,
          ...form.register("email"),
          ...ariaInvalid(errors.email?.message),
        }}
      />
      {roles.length > 1 ? (
        <RadioButtons
          ref={roleGroup}
          legend="Rôle"
          {...errorState(errors.membershipRole?.message)}
          options={roles.map((value) => ({
            label: MEMBERSHIP_ROLE_LABELS[value],
            hintText: ROLE_HINTS[value],
            nativeInputProps: { value, ...form.register("membershipRole"), ...ariaInvalid(errors.membershipRole?.message) },
          }))}
        />
      ) : null}
      <Button type="submit" disabled={isSubmitting} iconId="fr-icon-mail-line">
        Envoyer l&apos;invitation
      </Button>
    </form>
  );
}
