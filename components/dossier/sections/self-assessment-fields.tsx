"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@/components/dsfr/badge";
import { type Control, useWatch } from "react-hook-form";
import { RadioField, TextAreaField, TextField } from "@/components/forms/fields";
import { objectiveAnchor } from "@/lib/applications/anchors";
import type { TSectionFormValues } from "@/lib/applications/sections";
import { FIELD_LABELS } from "@/lib/applications/sections/field-labels";
import { TEXT_LIMITS } from "@/lib/applications/sections/fields";
import { EvidenceFiles, type EvidenceFile } from "../evidence-files";
import { STATUS_OPTIONS } from "./options";
import { requiredWhen } from "@/lib/applications/completeness-objectives";

export type ObjectiveForForm = { id: string; code: string; title: string; description: string; required: boolean };

/**
 * What the roster computes against an objective self-assessed « atteint » (`rosterDisagreements`),
 * shown as soon as « Atteint » is chosen. A warning, not a refusal: the director may know better
 * than a roster not yet up to date, and can explain it in the field below.
 */
function RosterDisagreement({
  control,
  objectiveId,
  notice,
}: {
  control: Control<TSectionFormValues<"SELF_ASSESSMENT">>;
  objectiveId: string;
  notice: string;
}) {
  const status = useWatch({ control, name: `assessments.${objectiveId}.status` });
  if (status !== "ACHIEVED") return null;
  return <Alert small severity="warning" description={notice} className={fr.cx("fr-mb-3w")} />;
}

export function SelfAssessmentFields({
  control,
  disabled,
  objectives,
  evidence,
  applicationId,
  maxUploadBytes,
  rosterNotices,
}: {
  control: Control<TSectionFormValues<"SELF_ASSESSMENT">>;
  disabled: boolean;
  objectives: ObjectiveForForm[];
  /** By objective code: what the roster says of an objective it computes not met. */
  rosterNotices: Partial<Record<string, string>>;
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
          {rosterNotices[objective.code] ? (
            <RosterDisagreement control={control} objectiveId={objective.id} notice={rosterNotices[objective.code]!} />
          ) : null}
          <TextField
            control={control}
            name={`assessments.${objective.id}.targetDate`}
            id={objectiveAnchor(objective.code, "targetDate")}
            label={FIELD_LABELS.assessments.targetDate}
            hint={requiredWhen("targetDate", objective.required)}
            type="date"
            disabled={disabled}
          />
          <TextAreaField
            control={control}
            name={`assessments.${objective.id}.explanation`}
            id={objectiveAnchor(objective.code, "explanation")}
            label={FIELD_LABELS.assessments.explanation}
            hint={`Ce qui est fait, ce qui reste à faire, les difficultés rencontrées. ${requiredWhen("explanation", objective.required)}`}
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
