"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { ariaInvalid, errorState } from "@/components/forms/field-error";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, callApi } from "@/lib/http/api-client";
import { invitationSentMessage } from "@/lib/identity/invitation-sent-message";
import { RequiredFieldsNotice } from "@/components/forms/fields";

/** Invites a colleague as co-editor of the establishment's dossiers and roster. */
export function MemberInvitationForm({ establishmentId }: { establishmentId: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
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
        membershipRole: "EDITOR",
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
      <Button type="submit" disabled={pending} iconId="fr-icon-mail-line">
        Envoyer l&apos;invitation
      </Button>
    </form>
  );
}
