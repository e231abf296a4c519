/**
 * The template's columns that take one value of a list, and that list as the export writes it:
 * what the correction of a rejected import line offers to choose from (the import reads these
 * labels, and the codes and spellings `codecs.ts` accepts besides).
 */
import { CATEGORY_LABELS, IDENTITY_LABELS, POPULATION_LABELS, RPPS_STATUS_LABELS } from "../labels";
import type { TemplateColumnKey } from "./columns";
import { formatBoolean } from "./values";

const YES_NO = [formatBoolean(true), formatBoolean(false)];

export const TEMPLATE_CHOICES: Readonly<Partial<Record<TemplateColumnKey, readonly string[]>>> = {
  population: Object.values(POPULATION_LABELS),
  category: Object.values(CATEGORY_LABELS),
  rppsStatus: Object.values(RPPS_STATUS_LABELS),
  identityVerification: Object.values(IDENTITY_LABELS),
  needsDmp: YES_NO,
  needsDpi: YES_NO,
  needsPscServices: YES_NO,
  needsSecureMessaging: YES_NO,
};
