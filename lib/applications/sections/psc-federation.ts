import { z } from "zod";
import { INVALID_VALUE, TEXT_LIMITS, zDraftText } from "./fields";

/** Section « Fédération avec Pro Santé Connect »: becoming a third-party identity provider of PSC. */
export const ZPscFederationSectionInput = z.object(
  {
    pscFederationPlan: zDraftText("Le volet fédération avec Pro Santé Connect", TEXT_LIMITS.plan, {
      multiline: true,
    }),
  },
  { error: INVALID_VALUE },
);

export type TPscFederationSectionInput = z.output<typeof ZPscFederationSectionInput>;
export type TPscFederationSectionFormValues = z.input<typeof ZPscFederationSectionInput>;
