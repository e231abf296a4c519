"use client";

import type { Control } from "react-hook-form";
import type { z } from "zod";
import { RadioField, TextField } from "@/components/forms/fields";
import { WAVE_KIND_LABELS } from "@/lib/campaigns/labels";
import type { ZWaveSettingsInput } from "@/lib/campaigns/schemas";
import { CategoryCheckboxes, type CategoryOption } from "./form-fields";

export type WaveSettingsFormValues = z.input<typeof ZWaveSettingsInput>;

const KIND_OPTIONS = (["PILOT", "GENERALISATION"] as const).map((kind) => ({ value: kind, label: WAVE_KIND_LABELS[kind] }));

/**
 * A wave's settings. Dates are typed and shown in Paris time whatever the computer's time zone:
 * the programme announces and enforces them so, and the labels say it.
 */
export function WaveSettingsFields({
  control,
  categories,
  openedOn,
}: {
  control: Control<WaveSettingsFormValues>;
  categories: readonly CategoryOption[];
  /** Once the wave has opened, its opening is a fact and cannot move: the date it opened. */
  openedOn?: string;
}) {
  return (
    <>
      <RadioField control={control} name="kind" label="Type de vague" options={KIND_OPTIONS} />
      <TextField
        control={control}
        name="title"
        label="Titre de la vague"
        hint="Tel qu'il apparaît aux établissements, par exemple « Vague de généralisation 2027 »."
        maxLength={160}
      />
      <TextField control={control} name="year" label="Année" type="number" />
      <TextField
        control={control}
        name="opensAt"
        label="Ouverture des candidatures (heure de Paris)"
        hint={
          openedOn
            ? `La vague est ouverte depuis le ${openedOn} : cette date ne peut plus changer.`
            : "Date et heure de Paris (Europe/Paris), quel que soit le fuseau de votre ordinateur."
        }
        type="datetime-local"
        disabled={Boolean(openedOn)}
      />
      <TextField
        control={control}
        name="closesAt"
        label="Clôture des candidatures (heure de Paris)"
        hint="Date et heure de Paris : cette minute est comprise, un dossier est accepté jusqu'à sa dernière seconde et refusé à partir de la suivante, sauf prolongation accordée à son établissement."
        type="datetime-local"
      />
      <TextField
        control={control}
        name="fundingEnvelope"
        label="Enveloppe de financement (en euros)"
        hint="Montant entier, par exemple « 25 000 000 »."
        inputMode="numeric"
      />
      <CategoryCheckboxes control={control} name="eligibleCategoryCodes" categories={categories} />
    </>
  );
}
