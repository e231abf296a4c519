"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { ToggleSwitch } from "@codegouvfr/react-dsfr/ToggleSwitch";
import { type ReactNode, type RefObject, useLayoutEffect, useRef } from "react";
import { type FieldValues, type Path, useController, type Control } from "react-hook-form";
import { fieldAnchor } from "@/lib/applications/anchors";
import { formatInteger } from "@/lib/format/numbers";
import { ariaInvalid, errorState, quietMessages } from "./field-error";

/**
 * DSFR fields bound to react-hook-form once (react-dsfr components, zod messages in French shown
 * as the field's error, an id the completeness list can link to: `fieldAnchor` of the field's
 * path, or the `id` given where the list names the place otherwise). Forms compose these.
 */
/**
 * A group of radios or checkboxes says its message in its name (react-dsfr's `aria-labelledby`:
 * legend and messages), which a screen reader reads as the focus enters the group; react-dsfr also
 * makes the message group « assertive » each time the group enters the error state, which says it
 * again, or several times over when several groups are in error, cutting each other off. The ref
 * this returns, on the group (RadioButtons, Checkbox), takes that live region off after each render
 * that changes the message, before the browser reads the page again.
 */
export function useQuietGroupMessages(message: string | undefined): RefObject<HTMLFieldSetElement | null> {
  const group = useRef<HTMLFieldSetElement>(null);
  useLayoutEffect(() => quietMessages(group.current), [message]);
  return group;
}

type FieldProps<T extends FieldValues> = {
  control: Control<T>;
  name: Path<T>;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
};

export function TextField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  disabled,
  type = "text",
  maxLength,
  id,
  autoComplete,
  inputMode,
}: FieldProps<T> & {
  type?: string;
  maxLength?: number;
  id?: string;
  /** For the user's own data only (`name`, `email`…: RGAA 11.13), never someone else's. */
  autoComplete?: string;
  /**
   * The keypad a phone opens: `numeric` for digits alone (SIRET, RPPS, a whole number of euros or
   * percent), `decimal` for digits and the decimal comma (an amount with cents). Never for an
   * identifier that may hold a letter (a Corsican FINESS starts 2A or 2B).
   */
  inputMode?: "numeric" | "decimal";
}) {
  const { field, fieldState } = useController({ control, name });
  return (
    <Input
      ref={quietMessages}
      label={label}
      hintText={hint}
      disabled={disabled}
      {...errorState(fieldState.error?.message)}
      nativeInputProps={{
        ...field,
        ...ariaInvalid(fieldState.error?.message),
        id: id ?? fieldAnchor(name),
        type,
        maxLength,
        autoComplete,
        inputMode,
        value: (field.value as string | null | undefined) ?? "",
      }}
    />
  );
}

/**
 * A long text field's limit and how much of it is used, in its hint: « (120 / 8 000 caractères) » on
 * screen, « (8 000 caractères au plus) » for a screen reader.
 */
export function LengthHint({ length, maxLength }: { length: number; maxLength: number }) {
  return (
    <>
      {/* The hint is in the field's label: a count read as part of its name would rename it at each key. */}
      <span aria-hidden="true">{` (${formatInteger(length)} / ${formatInteger(maxLength)} caractères)`}</span>
      <span className={fr.cx("fr-sr-only")}>{` (${formatInteger(maxLength)} caractères au plus)`}</span>
    </>
  );
}

export function TextAreaField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  disabled,
  rows = 6,
  maxLength,
  id,
}: FieldProps<T> & { rows?: number; maxLength?: number; id?: string }) {
  const { field, fieldState } = useController({ control, name });
  const length = String(field.value ?? "").length;
  return (
    <Input
      ref={quietMessages}
      textArea
      label={label}
      hintText={
        <>
          {hint}
          {maxLength ? <LengthHint length={length} maxLength={maxLength} /> : null}
        </>
      }
      disabled={disabled}
      {...errorState(fieldState.error?.message)}
      nativeTextAreaProps={{
        ...field,
        ...ariaInvalid(fieldState.error?.message),
        id: id ?? fieldAnchor(name),
        rows,
        maxLength,
        value: (field.value as string | null | undefined) ?? "",
      }}
    />
  );
}

export function SelectField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  disabled,
  options,
  placeholder = "Choisir",
}: FieldProps<T> & { options: ReadonlyArray<{ value: string; label: string }>; placeholder?: string }) {
  const { field, fieldState } = useController({ control, name });
  return (
    <Select
      ref={quietMessages}
      label={label}
      hint={hint}
      disabled={disabled}
      {...errorState(fieldState.error?.message)}
      nativeSelectProps={{
        ...field,
        ...ariaInvalid(fieldState.error?.message),
        id: fieldAnchor(name),
        value: (field.value as string | null | undefined) ?? "",
      }}
    >
      <option value="" disabled>
        {placeholder}
      </option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </Select>
  );
}

export function RadioField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  disabled,
  options,
}: FieldProps<T> & { options: ReadonlyArray<{ value: string; label: string }> }) {
  const { field, fieldState } = useController({ control, name });
  const group = useQuietGroupMessages(fieldState.error?.message);
  return (
    <RadioButtons
      ref={group}
      legend={label}
      hintText={hint}
      disabled={disabled}
      orientation="horizontal"
      {...errorState(fieldState.error?.message)}
      options={options.map((option, index) => ({
        label: option.label,
        nativeInputProps: {
          // The first button is where react-hook-form puts the focus when the group is in error.
          ref: index === 0 ? field.ref : undefined,
          name: field.name,
          value: option.value,
          checked: field.value === option.value,
          onChange: () => field.onChange(option.value),
          onBlur: field.onBlur,
          ...ariaInvalid(fieldState.error?.message),
        },
      }))}
    />
  );
}

/** A set of values (e.g. MIE types) as checkboxes. */
export function CheckboxesField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  disabled,
  options,
}: FieldProps<T> & { options: ReadonlyArray<{ value: string; label: string; hint?: string }> }) {
  const { field, fieldState } = useController({ control, name });
  const selected = new Set<string>((field.value as string[] | undefined) ?? []);
  const group = useQuietGroupMessages(fieldState.error?.message);
  return (
    <Checkbox
      ref={group}
      legend={label}
      hintText={hint}
      disabled={disabled}
      small
      {...errorState(fieldState.error?.message)}
      options={options.map((option, index) => ({
        label: option.label,
        hintText: option.hint,
        nativeInputProps: {
          ref: index === 0 ? field.ref : undefined,
          value: option.value,
          checked: selected.has(option.value),
          onChange: (event) => {
            const next = new Set(selected);
            if (event.target.checked) next.add(option.value);
            else next.delete(option.value);
            field.onChange(options.map((candidate) => candidate.value).filter((value) => next.has(value)));
          },
          ...ariaInvalid(fieldState.error?.message),
        },
      }))}
    />
  );
}

/**
 * The DSFR's sentence before the fields of a form whose optional fields say « (facultatif) » in
 * their label (RGAA 11.10: a required field is indicated).
 */
/** A yes-or-no setting (a boolean), as a DSFR switch: `title` names it where the label is long. */
export function ToggleField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  title,
}: Omit<FieldProps<T>, "label" | "hint" | "disabled"> & { label: string; hint: string; title: string }) {
  const { field } = useController({ control, name });
  return <ToggleSwitch label={label} helperText={hint} checked={field.value} onChange={field.onChange} inputTitle={title} />;
}

export function RequiredFieldsNotice() {
  return <p className={fr.cx("fr-hint-text", "fr-mb-2w")}>Sauf mention contraire, tous les champs sont obligatoires.</p>;
}
