"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { type Control, useForm } from "react-hook-form";
import type { z } from "zod";
import { RadioField, TextAreaField } from "@/components/forms/fields";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { ZDeclareResultsInput } from "@/lib/follow-up/declare-schema";
import { callApi } from "@/lib/http/api-client";

type Values = z.input<typeof ZDeclareResultsInput>;

const ACHIEVED_OPTIONS = [
  { value: "yes", label: "Atteint" },
  { value: "no", label: "Non atteint" },
];

/** The director's declaration, objective by objective: achieved or not, with a comment. */
export function DeclarationForm({
  applicationId,
  objectives,
}: {
  applicationId: string;
  objectives: ReadonlyArray<{ code: string; title: string }>;
}) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof ZDeclareResultsInput>>({
    resolver: zodResolver(ZDeclareResultsInput),
    defaultValues: { objectives: objectives.map((objective) => ({ objectiveCode: objective.code, achieved: undefined, comment: "" })) },
    mode: "onBlur",
  });
  const control = form.control as unknown as Control<Values>;
  const { onSubmit, result } = useApiSubmit(form, async () => {
    await callApi(`/api/applications/${applicationId}/result-declaration`, "POST", form.getValues());
    router.refresh();
    return "Résultats déclarés : les indicateurs du registre sont figés et la déclaration est enregistrée.";
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Déclaration des résultats">
      {objectives.map((objective, index) => (
        <fieldset key={objective.code} className={fr.cx("fr-fieldset")}>
          <legend className={fr.cx("fr-fieldset__legend")}>
            {objective.code} – {objective.title}
          </legend>
          <div className={fr.cx("fr-fieldset__element")}>
            <RadioField
              control={control}
              name={`objectives.${index}.achieved`}
              label={`Résultat de l'objectif ${objective.code}`}
              options={ACHIEVED_OPTIONS}
            />
            <TextAreaField
              control={control}
              name={`objectives.${index}.comment`}
              label={`Commentaire sur l'objectif ${objective.code}`}
              rows={3}
              maxLength={4000}
            />
          </div>
        </fieldset>
      ))}
      <div aria-live="polite">
        {result ? <Alert severity={result.severity} small description={result.text} className={fr.cx("fr-my-2w")} /> : null}
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-send-plane-line">
        Déclarer les résultats
      </Button>
    </form>
  );
}
