"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ZWaveSettingsInput } from "@/lib/campaigns/schemas";
import { callApi } from "@/lib/http/api-client";
import type { CategoryOption } from "./form-fields";
import { RequiredFieldsNotice } from "@/components/forms/fields";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { useKnownVersion } from "@/components/forms/use-known-version";
import { type WaveSettingsFormValues, WaveSettingsFields } from "./wave-settings-fields";

/** Changes a wave's settings; `waveVersion` is the wave as loaded, so a concurrent change is detected. */
export function WaveSettingsForm(props: {
  waveId: string;
  waveVersion: number;
  categories: readonly CategoryOption[];
  defaultValues: WaveSettingsFormValues;
  openedOn?: string;
}) {
  const router = useRouter();
  const form = useForm<WaveSettingsFormValues, unknown, z.output<typeof ZWaveSettingsInput>>({
    resolver: zodResolver(ZWaveSettingsInput),
    defaultValues: props.defaultValues,
    mode: "onBlur",
  });

  const version = useKnownVersion(props.waveVersion);
  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    const expectedVersion = version.current();
    const saved = await callApi<{ changed: string[]; version: number }>(`/api/waves/${props.waveId}`, "PATCH", {
      ...values,
      expectedVersion,
    });
    version.saved(expectedVersion, saved.version);
    router.refresh();
    return saved.changed.length
      ? "Paramètres enregistrés. La modification est inscrite au journal d'audit."
      : "Aucun changement à enregistrer.";
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Paramètres de la vague">
      <RequiredFieldsNotice />
      <WaveSettingsFields control={form.control} categories={props.categories} openedOn={props.openedOn} />
      <SubmitResultAlert result={result} className={fr.cx("fr-mb-2w")} />
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-save-line">
        Enregistrer les paramètres
      </Button>
    </form>
  );
}
