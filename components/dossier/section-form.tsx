"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { zodResolver } from "@hookform/resolvers/zod";
import { type Control, type FieldValues, type Resolver, useForm } from "react-hook-form";
import { SECTION_SCHEMAS, type TSectionFormValues } from "@/lib/applications/sections";
import { readSectionField } from "@/lib/applications/sections/field-labels";
import type { FormSection } from "@/lib/db/generated/enums";
import { formatParisDateTime } from "@/lib/time/paris";
import { AutosaveStatus } from "./autosave-status";
import type { EvidenceFile } from "./evidence-files";
import { BudgetFields, MieStrategyFields, PartnersFields, TimelineFields } from "./sections/list-sections";
import { RequiredFieldsNotice } from "@/components/forms/fields";
import { useFocusOnFragment } from "@/components/forms/use-focus-on-fragment";
import { type ObjectiveForForm, SelfAssessmentFields } from "./sections/self-assessment-fields";
import { IamSsoFields, ProjectFields, PscFederationFields } from "./sections/text-sections";
import { useAutosave } from "./use-autosave";

export type SectionFormProps = {
  applicationId: string;
  section: FormSection;
  initialValues: FieldValues;
  version: number;
  editable: boolean;
  /** Why the form is read-only, from the access policy. */
  readOnlyReason: string | null;
  objectives: ObjectiveForForm[];
  evidence: Record<string, EvidenceFile[]>;
  maxUploadBytes: number;
  /** The self-assessment's: what the roster says of the objectives it computes not met, by code. */
  rosterNotices: Partial<Record<string, string>>;
};

/**
 * One section of the dossier: the same zod schema as the server validates fields as they are
 * left, and every change is saved automatically (see use-autosave.ts).
 */
export function SectionForm(props: SectionFormProps) {
  const { applicationId, section, editable } = props;
  const form = useForm<FieldValues>({
    defaultValues: props.initialValues,
    resolver: zodResolver(SECTION_SCHEMAS[section] as never) as unknown as Resolver<FieldValues>,
    mode: "onBlur",
  });
  const autosave = useAutosave({
    form,
    url: `/api/applications/${applicationId}/sections/${section.toLowerCase().replaceAll("_", "-")}`,
    storageKey: `hc-brouillon:${applicationId}:${section}`,
    initialVersion: props.version,
    disabled: !editable,
  });
  useFocusOnFragment();
  const disabled = !editable;
  // One form component serves every section: each fieldset gets the control typed for its own.
  const controlFor = <S extends FormSection>() => form.control as unknown as Control<TSectionFormValues<S>>;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void autosave.saveNow();
      }}
    >
      {autosave.restorable ? (
        <Alert
          as="h2"
          severity="info"
          title="Des saisies non enregistrées ont été retrouvées"
          description={
            <>
              Elles datent du {formatParisDateTime(new Date(autosave.restorable.at))} et n&apos;avaient pas atteint le serveur.{" "}
              <Button type="button" size="small" onClick={autosave.restore}>
                Les restaurer
              </Button>{" "}
              <Button type="button" size="small" priority="tertiary" onClick={autosave.discardBackup}>
                Les ignorer
              </Button>
            </>
          }
          className={fr.cx("fr-mb-3w")}
        />
      ) : null}
      {editable ? (
        <AutosaveStatus
          titleAs="h2"
          state={autosave.state}
          mergedWith={autosave.mergedWith}
          onRetry={() => void autosave.save()}
          onTakeTheirs={autosave.takeTheirs}
          onKeepMine={autosave.keepMine}
          readField={(path, value) => readSectionField(path, value, props.objectives)}
        />
      ) : (
        <Alert
          severity="info"
          small
          description={props.readOnlyReason ?? "Ce dossier n'est pas modifiable."}
          className={fr.cx("fr-mb-3w")}
        />
      )}

      {/* Said before the fields, not only by the dossier's list of what is missing (RGAA 11.10). */}
      {editable && section !== "SELF_ASSESSMENT" ? <RequiredFieldsNotice /> : null}
      {editable && section === "SELF_ASSESSMENT" ? (
        <p className={fr.cx("fr-hint-text", "fr-mb-2w")}>
          Les objectifs obligatoires sont à évaluer ; l&apos;aide de chaque champ dit dans quel cas il est obligatoire.
        </p>
      ) : null}
      {section === "PROJECT" ? <ProjectFields control={controlFor<"PROJECT">()} disabled={disabled} /> : null}
      {section === "PARTNERS" ? <PartnersFields control={controlFor<"PARTNERS">()} disabled={disabled} /> : null}
      {section === "MIE_STRATEGY" ? <MieStrategyFields control={controlFor<"MIE_STRATEGY">()} disabled={disabled} /> : null}
      {section === "IAM_SSO" ? <IamSsoFields control={controlFor<"IAM_SSO">()} disabled={disabled} /> : null}
      {section === "PSC_FEDERATION" ? <PscFederationFields control={controlFor<"PSC_FEDERATION">()} disabled={disabled} /> : null}
      {section === "TIMELINE" ? <TimelineFields control={controlFor<"TIMELINE">()} disabled={disabled} /> : null}
      {section === "BUDGET" ? <BudgetFields control={controlFor<"BUDGET">()} disabled={disabled} /> : null}
      {section === "SELF_ASSESSMENT" ? (
        <SelfAssessmentFields
          control={controlFor<"SELF_ASSESSMENT">()}
          disabled={disabled}
          objectives={props.objectives}
          evidence={props.evidence}
          applicationId={applicationId}
          maxUploadBytes={props.maxUploadBytes}
          rosterNotices={props.rosterNotices}
        />
      ) : null}

      {editable ? (
        <div className={fr.cx("fr-mt-4w")}>
          <Button type="submit" priority="secondary" iconId="fr-icon-save-line">
            Enregistrer maintenant
          </Button>
        </div>
      ) : null}
    </form>
  );
}
