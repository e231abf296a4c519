"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { ariaInvalid } from "@/components/forms/field-error";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import type { ReactNode } from "react";
import { type Control, type FieldValues, type Path, useController } from "react-hook-form";
import { fieldAnchor } from "@/lib/applications/anchors";
import { SECTOR_LABELS } from "@/lib/campaigns/labels";
import type { Sector } from "@/lib/db/generated/enums";

/** A yes / no value as one checkbox (e.g. « Objectif obligatoire »). */
export function BooleanField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
}: {
  control: Control<T>;
  name: Path<T>;
  label: ReactNode;
  hint?: ReactNode;
}) {
  const { field } = useController({ control, name });
  return (
    <Checkbox
      small
      options={[
        {
          label,
          hintText: hint,
          nativeInputProps: {
            name: field.name,
            checked: Boolean(field.value),
            onChange: (event) => field.onChange(event.target.checked),
            onBlur: field.onBlur,
          },
        },
      ]}
    />
  );
}

export type CategoryOption = { code: string; label: string; sector: Sector };

/**
 * The wave's eligible establishment categories, one group per sector (ES, ESMS), each with a
 * button to tick or untick the whole group: a generalisation wave often takes every category.
 */
export function CategoryCheckboxes<T extends FieldValues>({
  control,
  name,
  categories,
}: {
  control: Control<T>;
  name: Path<T>;
  categories: readonly CategoryOption[];
}) {
  const { field, fieldState } = useController({ control, name });
  const selected = new Set<string>((field.value as string[] | undefined) ?? []);
  const setSelected = (next: Set<string>) => field.onChange(categories.map((category) => category.code).filter((code) => next.has(code)));
  const sectors = (["HEALTH", "MEDICO_SOCIAL"] as const).filter((sector) => categories.some((category) => category.sector === sector));
  const errorId = `${fieldAnchor(name)}-error`;
  // Where react-hook-form puts the focus when no category is ticked: the first box of the page.
  const firstCode = categories.find((category) => category.sector === sectors[0])?.code;

  return (
    <fieldset
      id={fieldAnchor(name)}
      className={fr.cx("fr-fieldset", fieldState.error ? "fr-fieldset--error" : undefined)}
      aria-describedby={fieldState.error ? errorId : undefined}
    >
      <legend className={fr.cx("fr-fieldset__legend")}>Catégories d&apos;établissements éligibles</legend>
      {sectors.map((sector) => {
        const codes = categories.filter((category) => category.sector === sector).map((category) => category.code);
        const allTicked = codes.every((code) => selected.has(code));
        return (
          <div key={sector} className={fr.cx("fr-fieldset__element")}>
            <Checkbox
              legend={SECTOR_LABELS[sector]}
              small
              options={categories
                .filter((category) => category.sector === sector)
                .map((category) => ({
                  label: `${category.label} (${category.code})`,
                  nativeInputProps: {
                    ref: category.code === firstCode ? field.ref : undefined,
                    ...ariaInvalid(fieldState.error?.message),
                    // The focus lands on a box, not on the group: each box is described by the message, as other fields are.
                    "aria-describedby": fieldState.error ? errorId : undefined,
                    value: category.code,
                    checked: selected.has(category.code),
                    onChange: (event) => {
                      const next = new Set(selected);
                      if (event.target.checked) next.add(category.code);
                      else next.delete(category.code);
                      setSelected(next);
                    },
                  },
                }))}
            />
            <button
              type="button"
              className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--tertiary-no-outline")}
              onClick={() => {
                const next = new Set(selected);
                for (const code of codes) {
                  if (allTicked) next.delete(code);
                  else next.add(code);
                }
                setSelected(next);
              }}
            >
              {allTicked ? "Tout décocher" : "Tout cocher"} : {SECTOR_LABELS[sector]}
            </button>
          </div>
        );
      })}
      {fieldState.error ? (
        <div className={fr.cx("fr-messages-group")} id={errorId} aria-live="assertive">
          <p className={fr.cx("fr-message", "fr-message--error")}>{fieldState.error.message}</p>
        </div>
      ) : null}
    </fieldset>
  );
}
