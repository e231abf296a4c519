"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@/components/dsfr/badge";
import type { Control } from "react-hook-form";
import { RadioField, TextAreaField, TextField } from "@/components/forms/fields";
import { objectiveAnchor } from "@/lib/applications/anchors";
import type { TSectionFormValues } from "@/lib/applications/sections";
import { FIELD_LABELS } from "@/lib/applications/sections/field-labels";
import { TEXT_LIMITS } from "@/lib/applications/sections/fields";
import { EvidenceFiles, type EvidenceFile } from "../evidence-files";
import { STATUS_OPTIONS } from "./options";

export type ObjectiveForForm = { id: string; code: string; title: string; description: string; required: boolean };

export function SelfAssessmentFields({
  control,
  disabled,
  objectives,
  evidence,
  applicationId,
  maxUploadBytes,
}: {
  control: Control<TSectionFormValues<"SELF_ASSESSMENT">>;
  disabled: boolean;
  objectives: ObjectiveForForm[];
  evidence: Record<string, EvidenceFile[]>;
  applicationId: string;
  maxUploadBytes: number;
}) {
  return (
    <>
      {objectives.map((objective) => (
        <section
          key={objective.id}
          id={objectiveAnchor(objective.code)}
          className={fr.cx("fr-mb-6w")}
          aria-labelledby={`${objectiveAnchor(objective.code)}-titre`}
        >
          <h2 id={`${objectiveAnchor(objective.code)}-titre`} className={fr.cx("fr-h5")}>
            {objective.code}. {objective.title}{" "}
            <Badge small severity={objective.required ? "warning" : "info"} noIcon>
              {objective.required ? "Obligatoire" : "Complémentaire"}
            </Badge>
          </h2>
          <p className={fr.cx("fr-text--sm")}>{objective.description}</p>
          <RadioField
            control={control}
            name={`assessments.${objective.id}.status`}
            label={FIELD_LABELS.assessments.status}
            options={STATUS_OPTIONS}
            disabled={disabled}
          />
          <TextField
            control={control}
            name={`assessments.${objective.id}.targetDate`}
            id={objectiveAnchor(objective.code, "targetDate")}
            label={FIELD_LABELS.assessments.targetDate}
            type="date"
            disabled={disabled}
          />
          <TextAreaField
            control={control}
            name={`assessments.${objective.id}.explanation`}
            id={objectiveAnchor(objective.code, "explanation")}
            label={FIELD_LABELS.assessments.explanation}
            hint="Ce qui est fait, ce qui reste à faire, les difficultés rencontrées."
            rows={4}
            maxLength={TEXT_LIMITS.explanation}
            disabled={disabled}
          />
          <EvidenceFiles
            applicationId={applicationId}
            objectiveId={objective.id}
            objectiveCode={objective.code}
            files={evidence[objective.id] ?? []}
            disabled={disabled}
            maxBytes={maxUploadBytes}
          />
        </section>
      ))}
    </>
  );
}
