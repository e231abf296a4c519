"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { ariaInvalid, errorState } from "@/components/forms/field-error";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { MEMBERSHIP_ROLE_LABELS } from "@/lib/establishments/membership-role-labels";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, callApi } from "@/lib/http/api-client";
import { invitationSentMessage } from "@/lib/identity/invitation-sent-message";
import { RequiredFieldsNotice } from "@/components/forms/fields";

const ROLE_HINTS: Record<MembershipRole, string> = {
  EDITOR: "Complète les dossiers et la liste des professionnels",
  DIRECTOR: "De plus, déclare les résultats de l'établissement et invite d'autres personnes à la direction",
};

/**
 * Invites a colleague into the establishment: as co-editor, or at the direction when `roles` offers
 * it (the director and programme managers only: the access policy says who).
 */
export function MemberInvitationForm({ establishmentId, roles }: { establishmentId: string; roles: readonly MembershipRole[] }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<MembershipRole>("EDITOR");
  const [message, setMessage] = useState<{ severity: "success" | "error"; text: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    setFieldError(undefined);
    try {
      const { superseded } = await callApi<{ superseded: number }>("/api/invitations", "POST", {
        purpose: "MEMBER",
        email,
        establishmentId,
        membershipRole: role,
      });
      setMessage({ severity: "success", text: invitationSentMessage(email, superseded) });
      setEmail("");
      router.refresh();
    } catch (caught) {
      if (caught instanceof ApiError) setFieldError(caught.fieldErrors.email?.join(" "));
      setMessage({ severity: "error", text: (caught as Error).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <div aria-live="polite">
        {message ? <Alert severity={message.severity} small description={message.text} className="fr-mb-2w" /> : null}
      </div>
      <RequiredFieldsNotice />
      <Input
        label="Adresse électronique de la personne à inviter"
        {...errorState(fieldError)}
        nativeInputProps={{
          ...ariaInvalid(fieldError),
          type: "email",
          value: email,
          onChange: (event) => setEmail(event.target.value),
          autoComplete: "off",
          required: true,
        }}
      />
      {roles.length > 1 ? (
        <RadioButtons
          legend="Rôle"
          options={roles.map((value) => ({
            label: MEMBERSHIP_ROLE_LABELS[value],
            hintText: ROLE_HINTS[value],
            nativeInputProps: { name: "membershipRole", value, checked: role === value, onChange: () => setRole(value) },
          }))}
        />
      ) : null}
      <Button type="submit" disabled={pending} iconId="fr-icon-mail-line">
        Envoyer l&apos;invitation
      </Button>
    </form>
  );
}
