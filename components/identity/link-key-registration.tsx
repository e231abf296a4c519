"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { ariaInvalid, errorState, quietMessages } from "@/components/forms/field-error";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ApiError } from "@/lib/http/api-client";
import { ZAccountNameInput } from "@/lib/identity/schemas";
import { registerPasskey, signInWithPasskey } from "./passkey-ceremonies";

type Step = { kind: "form" } | { kind: "working"; label: string } | { kind: "registered" };

/** The link the key is registered through: an invitation creates the account, a recovery link replaces its keys. */
export type KeyLink = { kind: "invitation" | "recovery"; token: string };

const LINKS = {
  invitation: { submit: "Enregistrer ma clé d'accès", arrival: "/compte?active=1" },
  recovery: { submit: "Enregistrer ma nouvelle clé", arrival: "/compte?retabli=1" },
} as const;

/**
 * Registers a key through a link (the invitee's first, or the one replacing lost keys), then signs
 * the person in with it (which also proves the key works).
 */
export function LinkKeyRegistration({
  link,
  email,
  arrival = LINKS[link.kind].arrival,
}: {
  link: KeyLink;
  email: string;
  /** Where the new key leads once it has signed in: « Mon compte » unless the invitation opens an establishment. */
  arrival?: Route;
}) {
  const router = useRouter();
  const [displayName, setDisplayName] = useState("");
  const [keyName, setKeyName] = useState("Ma clé d'accès");
  const [step, setStep] = useState<Step>({ kind: "form" });
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  // The first refused field takes the focus, which says its message.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [fieldErrors]);

  async function register(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    // Checked before the key is created, by the account form's own rule: a name the server would then
    // refuse would leave a key on the person's device that no account knows.
    if (link.kind === "invitation") {
      const name = ZAccountNameInput.shape.displayName.safeParse(displayName);
      if (!name.success) return setFieldErrors({ displayName: name.error.issues.map((issue) => issue.message) });
    }
    setStep({ kind: "working", label: "Enregistrement de votre clé…" });
    try {
      await registerPasskey(
        link.kind === "invitation" ? { invitationToken: link.token, keyName, displayName } : { recoveryToken: link.token, keyName },
      );
    } catch (caught) {
      setError((caught as Error).message);
      if (caught instanceof ApiError) setFieldErrors(caught.fieldErrors);
      setStep({ kind: "form" });
      return;
    }
    setStep({ kind: "registered" });
    await signIn();
  }

  async function signIn() {
    setError(null);
    try {
      await signInWithPasskey();
      // A page that says what happened: the account page shows the key just registered.
      router.replace(arrival);
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    }
  }

  if (step.kind === "registered") {
    return (
      <>
        <Alert
          as="h2"
          severity="success"
          title="Votre clé est enregistrée"
          description="Connectez-vous maintenant avec cette clé."
          className="fr-mb-3w"
        />
        {error ? <Alert severity="error" small description={error} className="fr-mb-2w" /> : null}
        <Button onClick={signIn}>Se connecter avec ma clé</Button>
      </>
    );
  }

  return (
    <form ref={form} onSubmit={register} noValidate>
      {error ? <Alert as="h2" severity="error" title="L'enregistrement n'a pas abouti" description={error} className="fr-mb-3w" /> : null}
      <Input label="Adresse électronique" nativeInputProps={{ value: email, readOnly: true, autoComplete: "email" }} disabled />
      {link.kind === "invitation" ? (
        <Input
          ref={quietMessages}
          label="Vos prénom et nom"
          hintText="Tels qu'ils apparaîtront aux autres utilisateurs"
          {...errorState(fieldErrors.displayName)}
          nativeInputProps={{
            ...ariaInvalid(fieldErrors.displayName),
            value: displayName,
            onChange: (event) => setDisplayName(event.target.value),
            autoComplete: "name",
            required: true,
          }}
        />
      ) : null}
      <Input
        ref={quietMessages}
        label="Nom de la clé"
        hintText="Pour la reconnaître si vous en enregistrez plusieurs, par exemple « Clé YubiKey du bureau »"
        {...errorState(fieldErrors.keyName)}
        nativeInputProps={{
          ...ariaInvalid(fieldErrors.keyName),
          value: keyName,
          onChange: (event) => setKeyName(event.target.value),
          required: true,
          maxLength: 80,
        }}
      />
      <Button type="submit" iconId="fr-icon-fingerprint-line" disabled={step.kind === "working"}>
        {step.kind === "working" ? step.label : LINKS[link.kind].submit}
      </Button>
    </form>
  );
}
