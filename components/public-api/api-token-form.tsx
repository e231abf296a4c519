"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { CheckboxesField, SelectField, TextField } from "@/components/forms/fields";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { callApi } from "@/lib/http/api-client";
import { API_SCOPE_LABELS, API_SCOPES, API_TOKEN_LIFETIMES, ZApiTokenInput } from "@/lib/public-api/token-schema";

type Values = z.input<typeof ZApiTokenInput>;
const DEFAULTS: Values = { name: "", scopes: [], lifetimeDays: "90" };

/** A programme manager creates a token; its secret is shown here once, never again. */
export function ApiTokenForm() {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const form = useForm<Values, unknown, z.output<typeof ZApiTokenInput>>({
    resolver: zodResolver(ZApiTokenInput),
    defaultValues: DEFAULTS,
  });
  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    const { token } = await callApi<{ token: string }>("/api/api-tokens", "POST", values);
    setCreated({ name: values.name, token });
    form.reset(DEFAULTS);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <div aria-live="polite">
        {result ? <Alert severity={result.severity} small description={result.text} className="fr-mb-2w" role={undefined} /> : null}
        {created ? (
          <Alert
            role={undefined}
            severity="success"
            className="fr-mb-3w"
            title={`Jeton « ${created.name} » créé`}
            description={
              <>
                <p>Copiez-le maintenant : il ne sera plus jamais affiché. Seule son empreinte est conservée.</p>
                <p>
                  <code data-testid="jeton-cree">{created.token}</code>
                </p>
              </>
            }
          />
        ) : null}
      </div>
      <TextField
        control={form.control}
        name="name"
        label="Nom du jeton"
        hint="Le système ou le partenaire qui l'utilisera"
        maxLength={80}
      />
      <CheckboxesField
        control={form.control}
        name="scopes"
        label="Portées"
        hint="Ce que le jeton peut lire"
        options={API_SCOPES.map((scope) => ({
          value: scope,
          label: `${API_SCOPE_LABELS[scope].label} (${scope})`,
          hint: API_SCOPE_LABELS[scope].hint,
        }))}
      />
      <SelectField
        control={form.control}
        name="lifetimeDays"
        label="Durée de validité"
        options={Object.entries(API_TOKEN_LIFETIMES).map(([value, label]) => ({ value, label }))}
      />
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-lock-line">
        Créer le jeton
      </Button>
    </form>
  );
}
