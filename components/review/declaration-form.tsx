"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type Resolver, useForm, useWatch } from "react-hook-form";
import { RadioField, TextAreaField, TextField } from "@/components/forms/fields";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { callApi } from "@/lib/http/api-client";
import { ZDeclarationInput } from "@/lib/review/declaration-schema";
import { CONFLICT_TYPE_LABELS } from "@/lib/review/labels";

type Values = { answer: "" | "none" | "conflict"; type: string; partnerSiret: string; details: string };

/**
 * The declaration of interests, before the dossier opens: no conflict, or a typed conflict (which
 * ends the assignment at once, after a confirmation). `later`: a conflict found while reading the
 * dossier, after « no conflict » (the question is then already answered).
 */
export function DeclarationForm({
  assignmentId,
  labelledBy,
  later = false,
}: {
  assignmentId: string;
  labelledBy: string;
  later?: boolean;
}) {
  const router = useRouter();
  /** A conflict ends the assignment: the first click asks to confirm, in the page. */
  const [confirming, setConfirming] = useState(false);
  const form = useForm<Values>({
    defaultValues: { answer: later ? "conflict" : "", type: "", partnerSiret: "", details: "" },
    resolver: ((values: Values) => {
      if (!values.answer)
        return {
          values: {},
          errors: { answer: { type: "required", message: "Indiquez si vous avez un lien d'intérêts avec ce dossier." } },
        };
      if (values.answer === "none") return { values, errors: {} };
      const parsed = ZDeclarationInput.safeParse({
        hasConflict: true,
        type: values.type || undefined,
        partnerSiret: values.partnerSiret,
        details: values.details,
      });
      if (parsed.success) return { values, errors: {} };
      return {
        values: {},
        errors: Object.fromEntries(
          parsed.error.issues.map((issue) => [issue.path.join(".") || "type", { type: "zod", message: issue.message }]),
        ),
      };
    }) as Resolver<Values>,
  });
  const answer = useWatch({ control: form.control, name: "answer" });
  const type = useWatch({ control: form.control, name: "type" });

  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    const declaration =
      values.answer === "none"
        ? { hasConflict: false }
        : { hasConflict: true, type: values.type, partnerSiret: values.partnerSiret, details: values.details };
    if (declaration.hasConflict && !confirming) {
      setConfirming(true);
      return;
    }
    await callApi(`/api/assignments/${assignmentId}/declaration`, "POST", declaration);
    // Either way this form leaves the page: the next one says what was recorded, with the focus.
    router.push(declaration.hasConflict ? "/instruction?conflit=1" : `/instruction/${assignmentId}?declaration=1`);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={labelledBy}>
      {later ? null : (
        <RadioField
          control={form.control}
          name="answer"
          label="Avez-vous un lien d'intérêts avec cet établissement, son entité juridique ou ses partenaires ?"
          options={[
            { value: "none", label: "Non, je n'ai aucun lien d'intérêts avec ce dossier" },
            { value: "conflict", label: "Oui, je déclare un lien d'intérêts" },
          ]}
        />
      )}
      {answer === "conflict" ? (
        <div className={fr.cx({ "fr-pl-4w": !later })}>
          <RadioField
            control={form.control}
            name="type"
            label="Nature du lien"
            options={Object.entries(CONFLICT_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          />
          {type === "PARTNER_TIE" ? (
            <TextField
              control={form.control}
              name="partnerSiret"
              label="SIRET du partenaire concerné"
              hint="14 chiffres. S'il n'en a pas, nommez-le dans les précisions."
              maxLength={17}
              inputMode="numeric"
            />
          ) : null}
          <TextAreaField
            control={form.control}
            name="details"
            label={
              type === "OTHER"
                ? "Précisez (obligatoire)"
                : type === "PARTNER_TIE"
                  ? "Précisions (le partenaire, s'il n'a pas de SIRET)"
                  : "Précisions (facultatif)"
            }
            rows={3}
            maxLength={2000}
          />
          <Alert
            severity="warning"
            small
            className={fr.cx("fr-mb-2w")}
            description="Un conflit déclaré met fin à l'attribution : le dossier sera confié à un autre instructeur et le chargé de programme en est prévenu."
          />
        </div>
      ) : null}
      {result ? <Alert severity={result.severity} small className={fr.cx("fr-mb-2w")} description={result.text} /> : null}
      <div aria-live="polite">
        {confirming && answer === "conflict" ? (
          <p className={fr.cx("fr-text--bold")}>
            Vous n&apos;aurez plus accès à ce dossier. Confirmez-vous la déclaration de ce conflit d&apos;intérêts ?
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {confirming && answer === "conflict"
          ? "Confirmer le conflit d'intérêts"
          : later
            ? "Déclarer ce lien d'intérêts"
            : "Enregistrer ma déclaration"}
      </Button>
    </form>
  );
}
