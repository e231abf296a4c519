"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { ariaInvalid, errorState } from "@/components/forms/field-error";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { type ReactNode, useEffect, useRef } from "react";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { type Control, useController, useFieldArray, useFormState, useWatch } from "react-hook-form";
import type { z } from "zod";
import { TextAreaField, TextField, useQuietGroupMessages } from "@/components/forms/fields";
import { moveRowKeepingFocus, removeRowKeepingFocus } from "@/components/forms/remove-row";
import { type ObjectiveRow, followObjectiveRows, normalizeObjectiveCode } from "@/lib/campaigns/objective-links";
import type { ZWaveGridInput } from "@/lib/campaigns/schemas";
import { BooleanField } from "./form-fields";

export type WaveGridFormValues = z.input<typeof ZWaveGridInput>;

type RowActions = {
  index: number;
  count: number;
  legend: string;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
};

/** One objective or criterion, with its own legend, and buttons to reorder or remove it. */
function Row({ legend, index, count, onMove, onRemove, children }: RowActions & { children: ReactNode }) {
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-3w")} style={{ borderLeft: "3px solid var(--border-default-blue-france)" }}>
      <legend className={fr.cx("fr-fieldset__legend", "fr-text--md")}>{legend}</legend>
      <div className={fr.cx("fr-fieldset__element")}>{children}</div>
      <div className={fr.cx("fr-fieldset__element")}>
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm", "fr-btns-group--icon-left")}>
          <li>
            <Button
              type="button"
              priority="tertiary"
              iconId="fr-icon-arrow-up-line"
              disabled={index === 0}
              onClick={(event) => moveRowKeepingFocus(event.currentTarget, () => onMove(index, index - 1))}
            >
              Monter « {legend} »
            </Button>
          </li>
          <li>
            <Button
              type="button"
              priority="tertiary"
              iconId="fr-icon-arrow-down-line"
              disabled={index === count - 1}
              onClick={(event) => moveRowKeepingFocus(event.currentTarget, () => onMove(index, index + 1))}
            >
              Descendre « {legend} »
            </Button>
          </li>
          <li>
            <Button
              type="button"
              priority="tertiary"
              iconId="fr-icon-delete-line"
              disabled={count === 1}
              onClick={(event) => removeRowKeepingFocus(event.currentTarget, () => onRemove(index))}
            >
              Retirer « {legend} »
            </Button>
          </li>
        </ul>
      </div>
    </fieldset>
  );
}

function ListError({ message }: { message?: string }) {
  return message ? <p className={fr.cx("fr-error-text", "fr-mb-2w")}>{message}</p> : null;
}

/**
 * The objectives a criterion judges, as checkboxes (by code): reviewers see the establishment's
 * self-assessment and evidence for them beside the criterion. The links follow an objective whose
 * code is renamed (`followObjectiveRows`); a link to a code no objective has any more stays a
 * ticked box, so that the manager can untick the link the server refuses.
 */
function CriterionObjectivesField({
  control,
  index,
  objectives,
}: {
  control: Control<WaveGridFormValues>;
  index: number;
  objectives: readonly ObjectiveRow[];
}) {
  const { field, fieldState } = useController({ control, name: `criteria.${index}.objectiveCodes` });
  const held = useRef<Map<string, string>>(new Map());
  const rowsKey = objectives.map((row) => `${row.key}=${row.code}`).join("\n");
  const { value, onChange } = field;
  useEffect(() => {
    const next = followObjectiveRows(value ?? [], held.current, objectives);
    held.current = next.held;
    if (next.links.join("\n") !== (value ?? []).join("\n")) onChange(next.links);
    // The rows' keys and codes are what matters; `objectives` is a new array at each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rowsKey]);
  const objectiveCodes = [...new Set(objectives.map((row) => normalizeObjectiveCode(row.code)).filter(Boolean))];
  const options = [...objectiveCodes, ...(value ?? []).filter((code) => !objectiveCodes.includes(code))];
  const selected = new Set(value ?? []);
  const group = useQuietGroupMessages(fieldState.error?.message);
  return (
    <Checkbox
      ref={group}
      legend="Objectifs évalués par ce critère"
      hintText="L'auto-évaluation et les justificatifs de ces objectifs s'affichent à côté du critère pour les instructeurs."
      orientation="horizontal"
      small
      {...errorState(fieldState.error?.message)}
      options={options.map((code, position) => ({
        label: objectiveCodes.includes(code) ? code : `${code} (aucun objectif ne porte ce code)`,
        nativeInputProps: {
          // The first box is where react-hook-form puts the focus when the server refuses the links.
          ref: position === 0 ? field.ref : undefined,
          ...ariaInvalid(fieldState.error?.message),
          value: code,
          checked: selected.has(code),
          onChange: (event) => {
            const next = new Set(selected);
            if (event.target.checked) next.add(code);
            else next.delete(code);
            onChange(options.filter((candidate) => next.has(candidate)));
          },
        },
      }))}
    />
  );
}

/** The wave's objectives (required or optional) and its scoring grid (weight, scale, required, objectives judged). */
export function WaveGridFields({ control }: { control: Control<WaveGridFormValues> }) {
  const objectives = useFieldArray({ control, name: "objectives" });
  const criteria = useFieldArray({ control, name: "criteria" });
  const { errors } = useFormState({ control, name: ["objectives", "criteria"] });
  const weights = useWatch({ control, name: "criteria" }) ?? [];
  const watchedObjectives = useWatch({ control, name: "objectives" }) ?? [];
  const objectiveRows = objectives.fields.map((field, index) => ({ key: field.id, code: watchedObjectives[index]?.code ?? "" }));
  const totalWeight = weights.reduce((sum, criterion) => sum + (Number(criterion?.weight) || 0), 0);

  return (
    <>
      <h3 className={fr.cx("fr-h5")}>Objectifs</h3>
      <p>Les établissements s&apos;auto-évaluent sur chaque objectif ; les objectifs obligatoires (a minima) doivent tous être couverts.</p>
      <ListError message={errors.objectives?.message ?? errors.objectives?.root?.message} />
      {objectives.fields.map((field, index) => (
        <Row
          key={field.id}
          legend={`Objectif ${index + 1}`}
          index={index}
          count={objectives.fields.length}
          onMove={objectives.move}
          onRemove={objectives.remove}
        >
          <TextField control={control} name={`objectives.${index}.code`} label="Code" hint="Par exemple « O1 »" maxLength={12} />
          <TextField control={control} name={`objectives.${index}.title`} label="Intitulé" maxLength={200} />
          <TextAreaField
            control={control}
            name={`objectives.${index}.description`}
            label="Description (facultatif)"
            rows={3}
            maxLength={2000}
          />
          <BooleanField control={control} name={`objectives.${index}.required`} label="Objectif obligatoire (a minima)" />
        </Row>
      ))}
      <Button
        type="button"
        priority="secondary"
        iconId="fr-icon-add-line"
        className={fr.cx("fr-mb-4w")}
        onClick={() => objectives.append({ code: `O${objectives.fields.length + 1}`, title: "", description: "", required: false })}
      >
        Ajouter un objectif
      </Button>

      <h3 className={fr.cx("fr-h5")}>Grille d&apos;évaluation</h3>
      <p>
        Chaque critère est noté par les instructeurs sur son échelle, puis pondéré par son poids. Total des poids :{" "}
        <strong>{totalWeight.toLocaleString("fr-FR")}</strong>.
      </p>
      <ListError message={errors.criteria?.message ?? errors.criteria?.root?.message} />
      {criteria.fields.map((field, index) => (
        <Row
          key={field.id}
          legend={`Critère ${index + 1}`}
          index={index}
          count={criteria.fields.length}
          onMove={criteria.move}
          onRemove={criteria.remove}
        >
          <TextField control={control} name={`criteria.${index}.code`} label="Code" hint="Par exemple « C1 »" maxLength={12} />
          <TextField control={control} name={`criteria.${index}.label`} label="Intitulé" maxLength={200} />
          <TextAreaField
            control={control}
            name={`criteria.${index}.description`}
            label="Description (facultatif)"
            rows={2}
            maxLength={2000}
          />
          <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
            <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
              <TextField control={control} name={`criteria.${index}.weight`} label="Poids" type="number" />
            </div>
            <div className={fr.cx("fr-col-6", "fr-col-md-4")}>
              <TextField control={control} name={`criteria.${index}.scaleMin`} label="Note minimale" type="number" />
            </div>
            <div className={fr.cx("fr-col-6", "fr-col-md-4")}>
              <TextField control={control} name={`criteria.${index}.scaleMax`} label="Note maximale" type="number" />
            </div>
          </div>
          <BooleanField
            control={control}
            name={`criteria.${index}.required`}
            label="Critère obligatoire"
            hint="Un instructeur doit le noter pour terminer son évaluation ; un critère facultatif peut être déclaré « sans objet »."
          />
          <CriterionObjectivesField control={control} index={index} objectives={objectiveRows} />
        </Row>
      ))}
      <Button
        type="button"
        priority="secondary"
        iconId="fr-icon-add-line"
        onClick={() =>
          criteria.append({
            code: `C${criteria.fields.length + 1}`,
            label: "",
            description: "",
            weight: 10,
            scaleMin: 0,
            scaleMax: 5,
            required: true,
            objectiveCodes: [],
          })
        }
      >
        Ajouter un critère
      </Button>
    </>
  );
}
