"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { type Control, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { RadioField, TextField } from "@/components/forms/fields";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { useKnownVersion } from "@/components/forms/use-known-version";
import { ZDecisionSettingsInput } from "@/lib/decisions/settings-schema";
import { callApi } from "@/lib/http/api-client";

type Values = z.input<typeof ZDecisionSettingsInput>;

/** The spread threshold of « à discuter » and, for a wave with two tiers, which tier's aggregate ranks. */
export function DecisionSettingsForm({ waveId, twoTiers, defaultValues }: { waveId: string; twoTiers: boolean; defaultValues: Values }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof ZDecisionSettingsInput>>({
    resolver: zodResolver(ZDecisionSettingsInput),
    defaultValues,
    mode: "onBlur",
  });
  // The fields edit the form's own (text) values; the schema's output (numbers) is the server's.
  const control = form.control as unknown as Control<Values>;
  const mode = useWatch({ control, name: "rankingMode" });
  const version = useKnownVersion(defaultValues.expectedVersion);
  const { onSubmit, result } = useApiSubmit(form, async () => {
    // The server parses the French decimals itself: the form's own values go.
    const expectedVersion = version.current();
    const { changed, ...saved } = await callApi<{ changed: string[]; version: number }>(`/api/waves/${waveId}/decision-settings`, "PUT", {
      ...form.getValues(),
      expectedVersion,
    });
    version.saved(expectedVersion, saved.version);
    router.refresh();
    return changed.length === 0 ? "Aucun changement." : "Paramètres du classement enregistrés.";
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Paramètres du classement">
      <TextField
        control={control}
        name="spreadThreshold"
        label="Seuil « à discuter » (écart-type, en points sur 100)"
        hint="Un dossier est à discuter quand l'écart-type des notes de ses instructeurs dépasse ce seuil."
        inputMode="decimal"
      />
      {twoTiers ? (
        <>
          <RadioField
            control={control}
            name="rankingMode"
            label="Note qui classe les dossiers"
            options={[
              { value: "NATIONAL_ONLY", label: "Niveau national (ANS) seulement" },
              { value: "WEIGHTED_MIX", label: "Moyenne pondérée des deux niveaux" },
            ]}
          />
          {mode === "WEIGHTED_MIX" ? (
            <TextField
              control={control}
              name="regionalRankingWeight"
              label="Part du niveau régional (ARS), en %"
              hint="Le reste revient au niveau national."
              inputMode="numeric"
            />
          ) : null}
        </>
      ) : null}
      <SubmitResultAlert result={result} className={fr.cx("fr-my-2w")} />
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-save-line">
        Enregistrer les paramètres
      </Button>
    </form>
  );
}
