"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { type Control, useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";
import { SelectField, TextField } from "@/components/forms/fields";
import { removeRowKeepingFocus } from "@/components/forms/remove-row";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { useKnownVersion } from "@/components/forms/use-known-version";
import { ZFollowUpSettingsInput } from "@/lib/follow-up/settings-schema";
import { type TargetObjective, targetObjectiveLabel } from "@/lib/follow-up/target-rules";
import { TARGET_INDICATORS } from "@/lib/follow-up/targets";
import { callApi } from "@/lib/http/api-client";

type Values = z.input<typeof ZFollowUpSettingsInput>;

const INDICATOR_OPTIONS = TARGET_INDICATORS.map((row) => ({ value: row.value, label: row.label }));

/**
 * The objectives' targets (indicator, threshold, date) and the advance share of the payment schedule.
 * `waveVersion` is the wave as loaded, so a concurrent change is detected (`useKnownVersion`).
 * `objectives` are those of every version of the grid (ADR 0018), each labelled with the versions
 * that hold it when the wave has several (`versionCount`).
 */
export function FollowUpSettingsForm({
  waveId,
  waveVersion,
  objectives,
  versionCount,
  defaultValues,
}: {
  waveId: string;
  waveVersion: number;
  objectives: readonly TargetObjective[];
  versionCount: number;
  defaultValues: Values;
}) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof ZFollowUpSettingsInput>>({
    resolver: zodResolver(ZFollowUpSettingsInput),
    defaultValues,
    mode: "onBlur",
  });
  // The fields edit the form's own (text) values; the schema's output (numbers) is the server's.
  const control = form.control as unknown as Control<Values>;
  const targets = useFieldArray({ control, name: "targets" });
  const objectiveOptions = objectives.map((objective) => ({ value: objective.code, label: targetObjectiveLabel(objective, versionCount) }));
  const version = useKnownVersion(waveVersion);
  const { onSubmit, result } = useApiSubmit(form, async () => {
    const expectedVersion = version.current();
    const saved = await callApi<{ version: number }>(`/api/waves/${waveId}/follow-up-settings`, "PUT", {
      ...form.getValues(),
      expectedVersion,
    });
    version.saved(expectedVersion, saved.version);
    router.refresh();
    return "Cibles et échéancier enregistrés.";
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Cibles et échéancier">
      <TextField
        control={control}
        name="advanceSharePercent"
        label="Avance versée à la sélection, en % du montant accordé"
        hint="Le solde est versé à la validation des résultats déclarés. Les montants sont arrondis au centime ; leur somme est toujours le montant accordé."
        inputMode="numeric"
      />
      {targets.fields.map((target, index) => (
        <fieldset key={target.id} className={fr.cx("fr-fieldset")}>
          <legend className={fr.cx("fr-fieldset__legend")}>Cible {index + 1}</legend>
          <div className={fr.cx("fr-fieldset__element")}>
            <SelectField control={control} name={`targets.${index}.objectiveCode`} label="Objectif" options={objectiveOptions} />
            <SelectField control={control} name={`targets.${index}.indicator`} label="Indicateur" options={INDICATOR_OPTIONS} />
            <TextField control={control} name={`targets.${index}.thresholdPercent`} label="Seuil à atteindre, en %" inputMode="numeric" />
            <TextField control={control} name={`targets.${index}.dueDate`} label="À atteindre au plus tard le" type="date" />
            <Button
              type="button"
              size="small"
              priority="tertiary"
              iconId="fr-icon-delete-line"
              onClick={(event) => removeRowKeepingFocus(event.currentTarget, () => targets.remove(index))}
            >
              Retirer la cible {index + 1}
            </Button>
          </div>
        </fieldset>
      ))}
      <Button
        type="button"
        priority="secondary"
        iconId="fr-icon-add-line"
        className={fr.cx("fr-mb-3w")}
        onClick={() =>
          targets.append({
            // The first objective (registration and identity) with the indicator that measures it.
            objectiveCode: objectives[0]?.code ?? "",
            indicator: "REGISTERED",
            thresholdPercent: "",
            dueDate: "",
          })
        }
      >
        Ajouter une cible
      </Button>
      <SubmitResultAlert result={result} className={fr.cx("fr-my-2w")} />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-save-line">
          Enregistrer les cibles et l&apos;échéancier
        </Button>
      </div>
    </form>
  );
}
