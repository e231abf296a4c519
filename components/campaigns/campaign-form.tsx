"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { TextAreaField, TextField } from "@/components/forms/fields";
import { ZCampaignInput } from "@/lib/campaigns/schemas";
import { callApi } from "@/lib/http/api-client";
import { applyServerErrors } from "./server-errors";

type Values = z.input<typeof ZCampaignInput>;

/** A programme manager opens a campaign; its waves are added from the campaign's line. */
export function CampaignForm() {
  const router = useRouter();
  const [result, setResult] = useState<{ severity: "success" | "error"; text: string } | null>(null);
  const form = useForm<Values, unknown, z.output<typeof ZCampaignInput>>({
    resolver: zodResolver(ZCampaignInput),
    defaultValues: { title: "", slug: "", description: "" },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setResult(null);
    try {
      await callApi("/api/campaigns", "POST", values);
      setResult({ severity: "success", text: `Campagne « ${values.title} » créée : ajoutez-lui une vague.` });
      form.reset();
      router.refresh();
    } catch (caught) {
      applyServerErrors(form.setError, caught);
      setResult({ severity: "error", text: (caught as Error).message });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <div aria-live="polite">{result ? <Alert severity={result.severity} small description={result.text} className="fr-mb-2w" /> : null}</div>
      <TextField control={form.control} name="title" label="Titre de la campagne" maxLength={120} />
      <TextField control={form.control} name="slug" label="Identifiant" hint="Lettres minuscules, chiffres et tirets, par exemple « hospiconnect-2027 »." maxLength={60} />
      <TextAreaField control={form.control} name="description" label="Description (facultative)" rows={3} maxLength={2000} />
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-add-line">
        Créer la campagne
      </Button>
    </form>
  );
}
