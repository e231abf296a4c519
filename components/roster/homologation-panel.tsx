"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { RequiredFieldsNotice, SelectField, TextField } from "@/components/forms/fields";
import { giveFocus } from "@/components/forms/give-focus";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import { type SubmitResult, useApiSubmit } from "@/components/forms/use-api-submit";
import { useFocusBack } from "@/components/forms/use-focus-back";
import { ApiError, callApi } from "@/lib/http/api-client";
import type { MieType } from "@/lib/db/generated/enums";
import {
  HOMOLOGATION_REFERENCE_MAX,
  homologationStatus,
  type THomologationInput,
  ZHomologationInput,
} from "@/lib/roster/homologation-schema";

type Homologation = { type: MieType; label: string; decidedAt: string; reference: string };
type Option = { value: string; label: string };
type HomologationFormValues = { type: string; decidedAt: string; reference: string };

/**
 * The establishment's homologations of local MIE, and the form to record one. A removal's button
 * goes with its row: the message saying it was removed takes the focus, as the other removals'
 * messages do, and is said by it. A refused removal gives the focus back to the button, disabled
 * meanwhile, and its message is said by a live region. Each is said once: the removal's message is
 * outside the live region, and the DSFR alerts take no role of their own.
 */
export function HomologationPanel({
  establishmentId,
  homologations,
  options,
  canEdit,
  today,
}: {
  establishmentId: string;
  homologations: Homologation[];
  options: Option[];
  canEdit: boolean;
  today: string;
}) {
  const router = useRouter();
  const [removal, setRemoval] = useState<SubmitResult | null>(null);
  const [removing, setRemoving] = useState(false);
  const path = `/api/establishments/${establishmentId}/roster/homologations`;
  const removalNotice = useRef<HTMLDivElement>(null);
  // Before useFocusBack's effect: a removal's message takes the focus first, and then keeps it.
  useEffect(() => {
    if (removal?.severity === "success") giveFocus(removalNotice.current);
  }, [removal]);
  const focusBackTo = useFocusBack(removing);

  async function remove(homologation: Homologation, button: HTMLButtonElement) {
    focusBackTo(button);
    setRemoving(true);
    setRemoval(null);
    try {
      await callApi(path, "DELETE", { type: homologation.type });
      setRemoval({ severity: "success", text: `Homologation retirée : ${homologation.label}.` });
      router.refresh();
    } catch (caught) {
      const text =
        caught instanceof ApiError
          ? [caught.message, ...Object.values(caught.fieldErrors).flat()].join(" ")
          : "L'enregistrement n'a pas abouti.";
      setRemoval({ severity: "error", text });
    } finally {
      setRemoving(false);
    }
  }

  return (
    <>
      {homologations.length === 0 ? (
        <p>
          Aucun MIE local n&apos;est homologué : seuls les MIE de l&apos;État (CPS, e-CPS, clé FIDO2 enrôlée dans Pro Santé Connect…)
          comptent.
        </p>
      ) : (
        <ul>
          {homologations.map((homologation) => (
            <li key={homologation.type} className={fr.cx("fr-mb-1w")}>
              {homologation.label} : {homologationStatus(homologation.type, homologation.decidedAt, today)}
              {homologation.reference ? ` (${homologation.reference})` : ""}{" "}
              {canEdit ? (
                <Button
                  size="small"
                  priority="tertiary"
                  disabled={removing}
                  onClick={(event) => void remove(homologation, event.currentTarget)}
                >
                  Retirer l&apos;homologation {homologation.label}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <SubmitResultAlert result={removal?.severity === "error" ? removal : null} className={fr.cx("fr-mb-2w")} />
      {removal?.severity === "success" ? (
        <div ref={removalNotice}>
          <Alert small severity="success" description={removal.text} className={fr.cx("fr-mb-2w")} role={undefined} />
        </div>
      ) : null}
      {canEdit ? <HomologationForm path={path} options={options} onSubmitting={() => setRemoval(null)} /> : null}
    </>
  );
}

/**
 * Records a decision. A date the schema refuses is said under its field, which takes the focus; a
 * saved decision gives the focus back to « Enregistrer », disabled while the request ran
 * (`useApiSubmit`).
 */
function HomologationForm({ path, options, onSubmitting }: { path: string; options: Option[]; onSubmitting: () => void }) {
  const router = useRouter();
  const form = useForm<HomologationFormValues, unknown, THomologationInput>({
    resolver: zodResolver(ZHomologationInput) as never,
    // Nothing chosen for the director: the decision changes the indicators, so one Enter on the
    // untouched form records nothing; the MIE and the date are asked for.
    defaultValues: { type: "", decidedAt: "", reference: "" },
  });
  const { control } = form;
  const { onSubmit, result } = useApiSubmit(form, async (values) => {
    await callApi(path, "PUT", values);
    router.refresh();
    return "Homologation enregistrée : les indicateurs en tiennent compte.";
  });

  return (
    <>
      <RequiredFieldsNotice />
      <form
        aria-label="Enregistrer une homologation"
        noValidate
        onSubmit={(event) => {
          onSubmitting();
          return onSubmit(event);
        }}
        className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")}
      >
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <SelectField control={control} name="type" label="MIE local" options={options} />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <TextField control={control} name="decidedAt" label="Date de la décision" type="date" />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <TextField control={control} name="reference" label="Référence (facultatif)" maxLength={HOMOLOGATION_REFERENCE_MAX} />
        </div>
        {/* On a line of its own: beside the fields, a column too narrow for it at 200 % text size made the page scroll sideways. */}
        <div className={fr.cx("fr-col-12")}>
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Enregistrer
          </Button>
        </div>
      </form>
      <SubmitResultAlert result={result} className={fr.cx("fr-mt-2w")} />
    </>
  );
}
