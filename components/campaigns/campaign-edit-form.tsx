"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { RequiredFieldsNotice, TextAreaField, TextField } from "@/components/forms/fields";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { ZCampaignEdit } from "@/lib/campaigns/schemas";
import { callApi } from "@/lib/http/api-client";

type Values = z.input<typeof ZCampaignEdit>;

/** Corrects a campaign's title or description, from its section of the campaigns page (ids per campaign: several are on the page). */
export function CampaignEditForm({ campaignId, title, description }: { campaignId: string; title: string; description: string }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof ZCampaignEdit>>({
    resolver: zodResolver(ZCampaignEdit),
    defaultValues: { title, description },
  });
  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    const { changed } = await callApi<{ changed: boolean }>(`/api/campaigns/${campaignId}`, "PATCH", values);
    router.refresh();
    return changed ? "Campagne modifiée." : "Rien n'a changé.";
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Modifier la campagne « ${title} »`}>
      <SubmitResultAlert result={result} className="fr-mb-2w" />
      <RequiredFieldsNotice />
      <TextField control={form.control} name="title" id={`campagne-${campaignId}-titre`} label="Titre" maxLength={120} />
      <TextAreaField
        control={form.control}
        name="description"
        id={`campagne-${campaignId}-description`}
        label="Description (facultatif)"
        rows={3}
        maxLength={2000}
      />
      <Button type="submit" priority="secondary" disabled={form.formState.isSubmitting}>
        Enregistrer
      </Button>
    </form>
  );
}
