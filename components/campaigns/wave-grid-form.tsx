"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { GridChangeOutcome } from "@/lib/campaigns/change-wave-grid";
import { ZWaveGridInput } from "@/lib/campaigns/schemas";
import { callApi } from "@/lib/http/api-client";
import { RequiredFieldsNotice } from "@/components/forms/fields";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { useKnownVersion } from "@/components/forms/use-known-version";
import { type WaveGridFormValues, WaveGridFields } from "./wave-grid-fields";
import { formatCount } from "@/lib/format/numbers";

function outcomeText(result: GridChangeOutcome): string {
  switch (result.outcome) {
    case "UNCHANGED":
      return "Aucun changement : les objectifs et la grille sont ceux de la version en cours.";
    case "EDITED_IN_PLACE":
      return `Version ${result.versionNumber} mise à jour.`;
    case "NEW_VERSION":
      return `Version ${result.versionNumber} créée : les nouveaux dossiers y seront rattachés ; ${
        result.dossiersKeepingPrevious === 0
          ? "aucun dossier n'était commencé"
          : `${result.dossiersKeepingPrevious >= 2 ? "les " : "le "}${formatCount(result.dossiersKeepingPrevious, "dossier déjà commencé garde", "dossiers déjà commencés gardent")} la version ${result.previousVersionNumber}`
      }.`;
  }
}

/**
 * Changes a wave's objectives and grid. Once the version is frozen, `newVersionNotice` warns that
 * saving makes a new one: only while the form holds a change, since nothing else on the wave's
 * page makes a version.
 */
export function WaveGridForm({
  waveId,
  waveVersion,
  defaultValues,
  newVersionNotice,
}: {
  waveId: string;
  waveVersion: number;
  defaultValues: WaveGridFormValues;
  newVersionNotice?: string;
}) {
  const router = useRouter();
  const form = useForm<WaveGridFormValues, unknown, z.output<typeof ZWaveGridInput>>({
    resolver: zodResolver(ZWaveGridInput),
    defaultValues,
    mode: "onBlur",
  });
  const version = useKnownVersion(waveVersion);

  const { onSubmit, result } = useApiSubmit(
    form,
    async (values) => {
      const expectedVersion = version.current();
      const outcome = await callApi<GridChangeOutcome>(`/api/waves/${waveId}/grid`, "PUT", {
        ...values,
        expectedVersion,
      });
      version.saved(expectedVersion, outcome.waveVersion);
      // What is saved is what a next change is measured against.
      form.reset(form.getValues());
      router.refresh();
      return outcomeText(outcome);
    },
    { reportInvalid: true },
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Objectifs et grille d'évaluation">
      <RequiredFieldsNotice />
      <WaveGridFields control={form.control} />
      {newVersionNotice && form.formState.isDirty ? (
        <Alert severity="warning" small className={fr.cx("fr-mt-4w")} description={newVersionNotice} />
      ) : null}
      <div aria-live="polite" className={fr.cx("fr-mt-4w")}>
        {result ? (
          <Alert severity={result.severity} small description={result.text} className={fr.cx("fr-mb-2w")} role={undefined} />
        ) : null}
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-save-line">
        Enregistrer les objectifs et la grille
      </Button>
    </form>
  );
}
