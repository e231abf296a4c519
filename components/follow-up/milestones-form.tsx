"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { TextField } from "@/components/forms/fields";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { type TRecordMilestonesFormValues, type TRecordMilestonesInput, ZRecordMilestonesInput } from "@/lib/follow-up/milestones-schema";
import { callApi } from "@/lib/http/api-client";
import { formatCalendarDate } from "@/lib/time/paris";

type Milestone = { id: string; label: string; plannedOn: string; doneOn: string | null };

/** The director records the day each milestone was done (empty: not done yet). */
export function MilestonesForm({ applicationId, milestones }: { applicationId: string; milestones: readonly Milestone[] }) {
  const router = useRouter();
  const form = useForm<TRecordMilestonesFormValues, unknown, TRecordMilestonesInput>({
    resolver: zodResolver(ZRecordMilestonesInput),
    defaultValues: { milestones: milestones.map((milestone) => ({ id: milestone.id, doneOn: milestone.doneOn ?? "" })) },
  });
  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    const { changed } = await callApi<{ changed: number }>(`/api/applications/${applicationId}/milestones`, "PUT", values);
    router.refresh();
    return changed === 0 ? "Aucun changement." : "Réalisation des jalons enregistrée.";
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="jalons-formulaire" className={fr.cx("fr-mt-4w")}>
      <h3 id="jalons-formulaire" className={fr.cx("fr-h6")}>
        Indiquer la réalisation des jalons
      </h3>
      {milestones.map((milestone, index) => (
        <TextField
          key={milestone.id}
          control={form.control}
          name={`milestones.${index}.doneOn`}
          type="date"
          label={`« ${milestone.label} » réalisé le`}
          hint={`Prévu le ${formatCalendarDate(milestone.plannedOn)}. Laissez vide tant qu'il n'est pas réalisé.`}
        />
      ))}
      <SubmitResultAlert result={result} className={fr.cx("fr-my-2w")} />
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-save-line">
        Enregistrer les jalons
      </Button>
    </form>
  );
}
