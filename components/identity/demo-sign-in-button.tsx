"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

export function DemoSignInButton({ token, label }: { token: string; label: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onClick() {
    setPending(true);
    const result = await signIn("demo-link", { redirect: false, token });
    if (result?.ok && !result.error) {
      router.replace("/");
      router.refresh();
      return;
    }
    setError(result?.error ?? "Connexion refusée.");
    setPending(false);
  }
  return (
    <>
      {error ? (
        <p className="fr-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <Button onClick={onClick} disabled={pending}>
        {label}
      </Button>
    </>
  );
}
