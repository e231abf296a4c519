import type { z } from "zod";
import type { FormSection } from "@/lib/db/generated/enums";
import { ZBudgetSectionInput } from "./budget";
import { type FieldErrors, toFieldErrors } from "./field-errors";
import { ZIamSsoSectionInput } from "./iam-sso";
import { ZMieStrategySectionInput } from "./mie-strategy";
import { ZPartnersSectionInput } from "./partners";
import { ZProjectSectionInput } from "./project";
import { ZPscFederationSectionInput } from "./psc-federation";
import { ZSelfAssessmentSectionInput } from "./self-assessment";
import { ZTimelineSectionInput } from "./timeline";

/**
 * The draft-save schema of each form section, shared by the client (react-hook-form's
 * `zodResolver`) and the server (`parseSection` in the save action). Each section's fields are
 * named after the Application model (`projectTitle`, `partners`, `budgetLines`…), so the parsed
 * sections merge into one `DossierContent` without renaming.
 *
 * - `SECTION_SCHEMAS[section]` — the schema (input: what the form holds; output: what is stored)
 * - `parseSection(section, data)` → `{ ok: true, data }` or `{ ok: false, fieldErrors }`
 * - `TSectionInput<S>` / `TSectionFormValues<S>` — the output and input types of a section
 */
export const SECTION_SCHEMAS = {
  PROJECT: ZProjectSectionInput,
  PARTNERS: ZPartnersSectionInput,
  MIE_STRATEGY: ZMieStrategySectionInput,
  IAM_SSO: ZIamSsoSectionInput,
  PSC_FEDERATION: ZPscFederationSectionInput,
  TIMELINE: ZTimelineSectionInput,
  BUDGET: ZBudgetSectionInput,
  SELF_ASSESSMENT: ZSelfAssessmentSectionInput,
} as const satisfies Record<FormSection, z.ZodType>;

export type TSectionInput<S extends FormSection> = z.output<(typeof SECTION_SCHEMAS)[S]>;
export type TSectionFormValues<S extends FormSection> = z.input<(typeof SECTION_SCHEMAS)[S]>;

export type ParseSectionResult<S extends FormSection> = { ok: true; data: TSectionInput<S> } | { ok: false; fieldErrors: FieldErrors };

export function parseSection<S extends FormSection>(section: S, data: unknown): ParseSectionResult<S> {
  // TypeScript cannot narrow a mapped lookup through a type parameter; the table's `satisfies`
  // keeps each entry in step with its section.
  const schema = SECTION_SCHEMAS[section] as unknown as z.ZodType<TSectionInput<S>>;
  const result = schema.safeParse(data);
  return result.success ? { ok: true, data: result.data } : { ok: false, fieldErrors: toFieldErrors(result.error) };
}

export type { FieldErrors } from "./field-errors";
export * from "./budget";
export * from "./iam-sso";
export * from "./mie-strategy";
export * from "./partners";
export * from "./project";
export * from "./psc-federation";
export * from "./self-assessment";
export * from "./timeline";
