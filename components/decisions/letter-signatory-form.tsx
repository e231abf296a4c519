"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { RequiredFieldsNotice, TextField } from "@/components/forms/fields";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { useApiSubmit } from "@/components/forms/use-api-submit";
import { useKnownVersion } from "@/components/forms/use-known-version";
import { SIGNATORY_NAME_MAX, SIGNATORY_SECTION_TITLE, SIGNATORY_TITLE_MAX, ZLetterSignatoryInput } from "@/lib/decisions/letter-signatory";
import { callApi } from "@/lib/http/api-client";

type Values = z.input<typeof ZLetterSignatoryInput>;

/** Who signs the wave's decision letters: the release refuses to publish until it is set. */
export function LetterSignatoryForm({ waveId, defaultValues }: { waveId: string; defaultValues: Values }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof ZLetterSignatoryInput>>({
    resolver: zodResolver(ZLetterSignatoryInput),
    defaultValues,
    mode: "onBlur",
  });
  const version = useKnownVersion(defaultValues.expectedVersion);
  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    const expectedVersion = version.current();
    const { changed, ...saved } = await callApi<{ changed: string[]; version: number }>(`/api/waves/${waveId}/letter-signatory`, "PUT", {
      ...values,
      expectedVersion,
    });
    version.saved(expectedVersion, saved.version);
    router.refresh();
    return changed.length === 0 ? "Aucun changement." : "Signataire enregistré.";
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={SIGNATORY_SECTION_TITLE}>
      <RequiredFieldsNotice />
      <TextField control={form.control} name="name" label="Prénom et nom" maxLength={SIGNATORY_NAME_MAX} />
      <TextField
        control={form.control}
        name="title"
        label="Qualité"
        hint="Sa fonction, par exemple « Directrice générale de l'Agence du Numérique en Santé »."
        maxLength={SIGNATORY_TITLE_MAX}
      />
      <SubmitResultAlert result={result} className={fr.cx("fr-my-2w")} />
      <Button type="submit" disabled={form.formState.isSubmitting} iconId="fr-icon-save-line">
        Enregistrer le signataire
      </Button>
    </form>
  );
}
