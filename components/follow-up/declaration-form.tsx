"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { UploadField } from "@/components/forms/upload-field";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { type Control, useForm } from "react-hook-form";
import type { z } from "zod";
import { RadioField, TextAreaField } from "@/components/forms/fields";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { formatFileSize } from "@/lib/attachments/file-size";
import { ZDeclareResultsInput } from "@/lib/follow-up/declare-schema";
import { ApiError, callApi } from "@/lib/http/api-client";

type Values = z.input<typeof ZDeclareResultsInput>;

const ACHIEVED_OPTIONS = [
  { value: "yes", label: "Atteint" },
  { value: "no", label: "Non atteint" },
];

/**
 * The director's declaration, objective by objective: achieved or not, with a comment and
 * evidence files. Sent as one multipart request (the values as JSON, the files beside them): the
 * server keeps all of it or nothing.
 */
export function DeclarationForm({
  applicationId,
  objectives,
  limits,
}: {
  applicationId: string;
  objectives: ReadonlyArray<{ code: string; title: string }>;
  limits: { maxFiles: number; maxBytes: number };
}) {
  const router = useRouter();
  const element = useRef<HTMLFormElement>(null);
  const [fileErrors, setFileErrors] = useState<Record<string, string>>({});
  const form = useForm<Values, unknown, z.output<typeof ZDeclareResultsInput>>({
    resolver: zodResolver(ZDeclareResultsInput),
    defaultValues: { objectives: objectives.map((objective) => ({ objectiveCode: objective.code, achieved: undefined, comment: "" })) },
    mode: "onBlur",
  });
  const control = form.control as unknown as Control<Values>;
  const { onSubmit, result } = useApiSubmit(form, async () => {
    const data = new FormData();
    data.set("declaration", JSON.stringify(form.getValues()));
    for (const objective of objectives) {
      const input = element.current?.querySelector<HTMLInputElement>(`input[name="evidence.${objective.code}"]`);
      for (const file of input?.files ?? []) data.append(`evidence.${objective.code}`, file);
    }
    setFileErrors({});
    try {
      await callApi(`/api/applications/${applicationId}/result-declaration`, "POST", data);
    } catch (caught) {
      if (caught instanceof ApiError)
        setFileErrors(
          Object.fromEntries(
            objectives.flatMap((objective, index) => {
              const message = caught.fieldErrors[`objectives.${index}.evidence`]?.[0];
              return message ? [[objective.code, message]] : [];
            }),
          ),
        );
      throw caught;
    }
    router.refresh();
    return "Résultats déclarés : les indicateurs du registre sont figés et la déclaration est transmise pour vérification.";
  });
  return (
    <form ref={element} onSubmit={onSubmit} noValidate aria-label="Déclaration des résultats">
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
            <UploadField
              label={`Pièces justificatives de l'objectif ${objective.code} (facultatif)`}
              hint={`PDF, image ou document bureautique, ${formatFileSize(limits.maxBytes)} au plus par fichier ; ${limits.maxFiles} fichiers au plus pour toute la déclaration.`}
              multiple
              state={fileErrors[objective.code] ? "error" : "default"}
              stateRelatedMessage={fileErrors[objective.code]}
              nativeInputProps={{ name: `evidence.${objective.code}` }}
            />
          </div>
        </fieldset>
      ))}
      <SubmitResultAlert result={result} className={fr.cx("fr-my-2w")} />
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-send-plane-line">
        Déclarer les résultats
      </Button>
    </form>
  );
}
