"use client";

import type { Control } from "react-hook-form";
import { TextAreaField, TextField } from "@/components/forms/fields";
import type { TSectionFormValues } from "@/lib/applications/sections";
import { FIELD_LABELS } from "@/lib/applications/sections/field-labels";
import { TEXT_LIMITS } from "@/lib/applications/sections/fields";
import type { FormSection } from "@/lib/db/generated/enums";

type Props<S extends FormSection> = { control: Control<TSectionFormValues<S>>; disabled: boolean };

export function ProjectFields({ control, disabled }: Props<"PROJECT">) {
  return (
    <>
      <TextField
        control={control}
        name="projectTitle"
        label={FIELD_LABELS.projectTitle}
        maxLength={TEXT_LIMITS.title}
        disabled={disabled}
      />
      <TextAreaField
        control={control}
        name="projectSummary"
        label={FIELD_LABELS.projectSummary}
        hint="Ce que le projet change pour vos professionnels : enregistrement au RPPS, moyens d'authentification, accès simplifié."
        maxLength={TEXT_LIMITS.summary}
        disabled={disabled}
      />
    </>
  );
}

export function IamSsoFields({ control, disabled }: Props<"IAM_SSO">) {
  return (
    <TextAreaField
      control={control}
      name="iamPlan"
      label={FIELD_LABELS.iamPlan}
      hint="Composant IAM / web-SSO, délégation de l'authentification du DPI / DUI par un connecteur OIDC. Si ce n'est pas prévu, dites pourquoi."
      maxLength={TEXT_LIMITS.plan}
      rows={10}
      disabled={disabled}
    />
  );
}

export function PscFederationFields({ control, disabled }: Props<"PSC_FEDERATION">) {
  return (
    <TextAreaField
      control={control}
      name="pscFederationPlan"
      label={FIELD_LABELS.pscFederationPlan}
      hint="Devenir fournisseur d'identité tiers de Pro Santé Connect : étapes, calendrier, partenaires. Si ce n'est pas prévu, dites pourquoi."
      maxLength={TEXT_LIMITS.plan}
      rows={10}
      disabled={disabled}
    />
  );
}
