"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { type Control, useForm } from "react-hook-form";
import type { z } from "zod";
import { ZCreateWaveInput } from "@/lib/campaigns/schemas";
import { RequiredFieldsNotice } from "@/components/forms/fields";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { callApi } from "@/lib/http/api-client";
import type { CategoryOption } from "./form-fields";
import { type WaveGridFormValues, WaveGridFields } from "./wave-grid-fields";
import { type WaveSettingsFormValues, WaveSettingsFields } from "./wave-settings-fields";

type Values = z.input<typeof ZCreateWaveInput>;

/** A new wave of a campaign: its settings, then its objectives and grid, prefilled with the programme's defaults. */
export function NewWaveForm({
  campaignId,
  categories,
  defaultValues,
}: {
  campaignId: string;
  categories: readonly CategoryOption[];
  defaultValues: Values;
}) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof ZCreateWaveInput>>({
    resolver: zodResolver(ZCreateWaveInput),
    defaultValues,
    mode: "onBlur",
  });

  const { onSubmit, result } = useApiSubmit(
    form,
    async (values) => {
      const { waveId } = await callApi<{ waveId: string }>(`/api/campaigns/${campaignId}/waves`, "POST", values);
      router.push(`/pilotage/vagues/${waveId}?creee=1`);
    },
    { reportInvalid: true },
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <RequiredFieldsNotice />
      <h2>Paramètres de la vague</h2>
      <WaveSettingsFields control={form.control as unknown as Control<WaveSettingsFormValues>} categories={categories} />
      <h2 className={fr.cx("fr-mt-6w")}>Objectifs et grille d&apos;évaluation</h2>
      <p>Repris du programme HospiConnect : adaptez-les à cette vague. Ils restent modifiables jusqu&apos;à l&apos;ouverture.</p>
      <WaveGridFields control={form.control as unknown as Control<WaveGridFormValues>} />
      <div aria-live="assertive" className={fr.cx("fr-mt-4w")}>
        {result ? (
          <Alert severity={result.severity} small description={result.text} className={fr.cx("fr-mb-2w")} role={undefined} />
        ) : null}
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-check-line">
        Créer la vague
      </Button>
    </form>
  );
}
