"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { TextField } from "@/components/forms/fields";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { callApi } from "@/lib/http/api-client";
import { ZAccountNameInput } from "@/lib/identity/schemas";

type Values = z.input<typeof ZAccountNameInput>;

/** The name the account shows to the other users, which its owner may correct. */
export function AccountNameForm({ displayName }: { displayName: string }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof ZAccountNameInput>>({
    defaultValues: { displayName },
    resolver: zodResolver(ZAccountNameInput),
  });
  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    await callApi("/api/account", "PATCH", values);
    router.refresh();
    return "Votre nom est enregistré.";
  });

  return (
    <form onSubmit={onSubmit} noValidate className={fr.cx("fr-mb-4w")}>
      <SubmitResultAlert result={result} className={fr.cx("fr-mb-2w")} />
      <TextField
        control={form.control}
        name="displayName"
        label="Vos prénom et nom"
        hint="Tels qu'ils apparaissent aux autres utilisateurs"
        maxLength={120}
        autoComplete="name"
      />
      <Button type="submit" priority="secondary" disabled={form.formState.isSubmitting}>
        Enregistrer mon nom
      </Button>
    </form>
  );
}
