"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ReactNode } from "react";
import { type Control, useFieldArray, useWatch } from "react-hook-form";
import { CheckboxesField, SelectField, TextAreaField, TextField } from "@/components/forms/fields";
import { removeRowKeepingFocus } from "@/components/forms/remove-row";
import { parseEuroAmount } from "@/lib/applications/euro-amount";
import { formatEuros } from "@/lib/format/numbers";
import type { TSectionFormValues } from "@/lib/applications/sections";
import { FIELD_LABELS } from "@/lib/applications/sections/field-labels";
import { TEXT_LIMITS } from "@/lib/applications/sections/fields";
import type { FormSection } from "@/lib/db/generated/enums";
import { BUDGET_CATEGORY_OPTIONS, MIE_OPTIONS, PARTNER_ROLE_OPTIONS, POPULATION_OPTIONS } from "./options";

type Props<S extends FormSection> = { control: Control<TSectionFormValues<S>>; disabled: boolean };

/** One editable row of a list section, with its own legend for screen readers and a remove button that keeps the focus in the list. */
function Row({ legend, children, onRemove, disabled }: { legend: string; children: ReactNode; onRemove: () => void; disabled: boolean }) {
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-3w")} style={{ borderLeft: "3px solid var(--border-default-blue-france)" }}>
      <legend className={fr.cx("fr-fieldset__legend", "fr-text--md")}>{legend}</legend>
      <div className={fr.cx("fr-fieldset__element")}>{children}</div>
      {disabled ? null : (
        <div className={fr.cx("fr-fieldset__element")}>
          <Button
            type="button"
            size="small"
            priority="tertiary"
            iconId="fr-icon-delete-line"
            onClick={(event) => removeRowKeepingFocus(event.currentTarget, onRemove)}
          >
            Retirer « {legend} »
          </Button>
        </div>
      )}
    </fieldset>
  );
}

export function PartnersFields({ control, disabled }: Props<"PARTNERS">) {
  const { fields, append, remove } = useFieldArray({ control, name: "partners" });
  return (
    <>
      {fields.length === 0 ? <p>Aucun partenaire pour l&apos;instant.</p> : null}
      {fields.map((field, index) => (
        <Row key={field.id} legend={`${FIELD_LABELS.partners.row} ${index + 1}`} onRemove={() => remove(index)} disabled={disabled}>
          <TextField
            control={control}
            name={`partners.${index}.name`}
            label={FIELD_LABELS.partners.name}
            maxLength={TEXT_LIMITS.name}
            disabled={disabled}
          />
          <SelectField
            control={control}
            name={`partners.${index}.role`}
            label={FIELD_LABELS.partners.role}
            options={PARTNER_ROLE_OPTIONS}
            disabled={disabled}
          />
          <TextField
            control={control}
            name={`partners.${index}.solution`}
            label={`${FIELD_LABELS.partners.solution} (facultatif)`}
            maxLength={TEXT_LIMITS.name}
            disabled={disabled}
          />
          <TextField
            control={control}
            name={`partners.${index}.siret`}
            label={`${FIELD_LABELS.partners.siret} (facultatif)`}
            hint="14 chiffres"
            inputMode="numeric"
            disabled={disabled}
          />
        </Row>
      ))}
      {disabled ? null : (
        <Button
          type="button"
          priority="secondary"
          iconId="fr-icon-add-line"
          onClick={() => append({ name: "", siret: "", role: "" as never, solution: "" })}
        >
          Ajouter un partenaire
        </Button>
      )}
    </>
  );
}

export function MieStrategyFields({ control, disabled }: Props<"MIE_STRATEGY">) {
  const { fields, append, remove } = useFieldArray({ control, name: "mieStrategy" });
  return (
    <>
      <p>
        Pour chaque population de professionnels, les moyens d&apos;identification électronique prévus. Tous n&apos;ont pas besoin du même
        MIE.
      </p>
      {fields.map((field, index) => (
        <Row key={field.id} legend={`${FIELD_LABELS.mieStrategy.row} ${index + 1}`} onRemove={() => remove(index)} disabled={disabled}>
          <SelectField
            control={control}
            name={`mieStrategy.${index}.population`}
            label={FIELD_LABELS.mieStrategy.population}
            options={POPULATION_OPTIONS}
            disabled={disabled}
          />
          <CheckboxesField
            control={control}
            name={`mieStrategy.${index}.mieTypes`}
            label={FIELD_LABELS.mieStrategy.mieTypes}
            options={MIE_OPTIONS}
            disabled={disabled}
          />
          <TextField
            control={control}
            name={`mieStrategy.${index}.headcount`}
            label={FIELD_LABELS.mieStrategy.headcount}
            type="number"
            disabled={disabled}
          />
          <TextAreaField
            control={control}
            name={`mieStrategy.${index}.notes`}
            label={`${FIELD_LABELS.mieStrategy.notes} (facultatif)`}
            rows={3}
            maxLength={TEXT_LIMITS.notes}
            disabled={disabled}
          />
        </Row>
      ))}
      {disabled || fields.length >= POPULATION_OPTIONS.length ? null : (
        <Button
          type="button"
          priority="secondary"
          iconId="fr-icon-add-line"
          onClick={() => append({ population: "" as never, mieTypes: [], headcount: "", notes: "" })}
        >
          Ajouter une population
        </Button>
      )}
    </>
  );
}

export function TimelineFields({ control, disabled }: Props<"TIMELINE">) {
  const { fields, append, remove } = useFieldArray({ control, name: "milestones" });
  return (
    <>
      {fields.length === 0 ? <p>Aucun jalon pour l&apos;instant.</p> : null}
      {fields.map((field, index) => (
        <Row key={field.id} legend={`${FIELD_LABELS.milestones.row} ${index + 1}`} onRemove={() => remove(index)} disabled={disabled}>
          <TextField
            control={control}
            name={`milestones.${index}.label`}
            label={FIELD_LABELS.milestones.label}
            maxLength={TEXT_LIMITS.label}
            disabled={disabled}
          />
          <TextField
            control={control}
            name={`milestones.${index}.dueDate`}
            label={FIELD_LABELS.milestones.dueDate}
            type="date"
            disabled={disabled}
          />
        </Row>
      ))}
      {disabled ? null : (
        <Button type="button" priority="secondary" iconId="fr-icon-add-line" onClick={() => append({ label: "", dueDate: "" })}>
          Ajouter un jalon
        </Button>
      )}
    </>
  );
}

export function BudgetFields({ control, disabled }: Props<"BUDGET">) {
  const { fields, append, remove } = useFieldArray({ control, name: "budgetLines" });
  const lines = useWatch({ control, name: "budgetLines" }) ?? [];
  const total = lines.reduce((sum, line) => {
    const amount = parseEuroAmount(line.amount ?? "");
    return amount.ok ? sum + amount.cents : sum;
  }, 0n);
  return (
    <>
      {fields.length === 0 ? <p>Aucune ligne de budget pour l&apos;instant.</p> : null}
      {fields.map((field, index) => (
        <Row key={field.id} legend={`${FIELD_LABELS.budgetLines.row} ${index + 1}`} onRemove={() => remove(index)} disabled={disabled}>
          <SelectField
            control={control}
            name={`budgetLines.${index}.category`}
            label={FIELD_LABELS.budgetLines.category}
            options={BUDGET_CATEGORY_OPTIONS}
            disabled={disabled}
          />
          <TextField
            control={control}
            name={`budgetLines.${index}.label`}
            label={FIELD_LABELS.budgetLines.label}
            maxLength={TEXT_LIMITS.label}
            disabled={disabled}
          />
          <TextField
            control={control}
            name={`budgetLines.${index}.amount`}
            label={FIELD_LABELS.budgetLines.amount}
            hint="Par exemple 12 500,50"
            inputMode="decimal"
            disabled={disabled}
          />
        </Row>
      ))}
      <p className={fr.cx("fr-text--lead")} aria-live="polite">
        Total demandé : <strong>{formatEuros(total)}</strong>
      </p>
      {disabled ? null : (
        <Button
          type="button"
          priority="secondary"
          iconId="fr-icon-add-line"
          onClick={() => append({ category: "" as never, label: "", amount: "" })}
        >
          Ajouter une ligne
        </Button>
      )}
    </>
  );
}
