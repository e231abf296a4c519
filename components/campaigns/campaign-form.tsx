"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { RequiredFieldsNotice, TextAreaField, TextField } from "@/components/forms/fields";
import { ZCampaignInput } from "@/lib/campaigns/schemas";
import { callApi } from "@/lib/http/api-client";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";

type Values = z.input<typeof ZCampaignInput>;

/** A programme manager opens a campaign; its waves are added from the campaign's line. */
export function CampaignForm() {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof ZCampaignInput>>({
    resolver: zodResolver(ZCampaignInput),
    defaultValues: { title: "", slug: "", description: "" },
  });

  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    await callApi("/api/campaigns", "POST", values);
    form.reset();
    router.refresh();
    return `Campagne « ${values.title} » créée : ajoutez-lui une vague.`;
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Nouvelle campagne">
      <SubmitResultAlert result={result} className="fr-mb-2w" />
      <RequiredFieldsNotice />
      <TextField control={form.control} name="title" label="Titre de la campagne" maxLength={120} />
      <TextField
        control={form.control}
        name="slug"
        label="Identifiant"
        hint="Lettres minuscules, chiffres et tirets, par exemple « hospiconnect-2027 »."
        maxLength={60}
      />
      <TextAreaField control={form.control} name="description" label="Description (facultatif)" rows={3} maxLength={2000} />
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-add-line">
        Créer la campagne
      </Button>
    </form>
  );
}
