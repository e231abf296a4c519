import { z } from "zod";
import { INVALID_VALUE, TEXT_LIMITS, zDraftText } from "./fields";

/** Section « IAM / SSO »: the plan for the internal identity and single sign-on component. */
export const ZIamSsoSectionInput = z.object(
  { iamPlan: zDraftText("Le volet IAM / SSO", TEXT_LIMITS.plan, { multiline: true }) },
  { error: INVALID_VALUE },
);

export type TIamSsoSectionInput = z.output<typeof ZIamSsoSectionInput>;
export type TIamSsoSectionFormValues = z.input<typeof ZIamSsoSectionInput>;
