"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { TextAreaField, TextField } from "@/components/forms/fields";
import { ZDeadlineExtensionInput } from "@/lib/campaigns/schemas";
import { callApi } from "@/lib/http/api-client";
import { useApiSubmit } from "@/components/forms/use-api-submit";

type Values = z.input<typeof ZDeadlineExtensionInput>;

/** A programme manager grants (or moves) one establishment's extension on the wave. */
export function ExtensionForm({ waveId }: { waveId: string }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof ZDeadlineExtensionInput>>({
    resolver: zodResolver(ZDeadlineExtensionInput),
    defaultValues: { finessEt: "", newClosesAt: "", reason: "" },
  });

  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    await callApi(`/api/waves/${waveId}/extensions`, "POST", values);
    form.reset();
    router.refresh();
    return "Prolongation accordée. Les membres de l'établissement en sont informés par courriel.";
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Accorder une prolongation">
      <TextField
        control={form.control}
        name="finessEt"
        label="FINESS de l'établissement (ET)"
        hint="9 caractères, par exemple « 790001234 »."
        maxLength={11}
      />
      <TextField
        control={form.control}
        name="newClosesAt"
        label="Nouvelle date limite (heure de Paris)"
        hint="Date et heure de Paris, postérieures à la clôture de la vague."
        type="datetime-local"
      />
      <TextAreaField
        control={form.control}
        name="reason"
        label="Motif"
        hint="Inscrit au journal d'audit et communiqué à l'établissement."
        rows={3}
        maxLength={500}
      />
      <div aria-live="polite">
        {result ? <Alert severity={result.severity} small description={result.text} className={fr.cx("fr-mb-2w")} /> : null}
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-time-line">
        Accorder la prolongation
      </Button>
    </form>
  );
}
