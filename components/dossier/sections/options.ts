import { BUDGET_CATEGORY_LABELS, PARTNER_ROLE_LABELS, POPULATION_LABELS, ASSESSMENT_STATUS_TITLES } from "@/lib/applications/labels";
import { MIE_CATALOGUE, MIE_TYPES } from "@/lib/mie/catalogue";

const entries = (labels: Readonly<Record<string, string>>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export const PARTNER_ROLE_OPTIONS = entries(PARTNER_ROLE_LABELS);
export const POPULATION_OPTIONS = entries(POPULATION_LABELS);
export const BUDGET_CATEGORY_OPTIONS = entries(BUDGET_CATEGORY_LABELS);
export const MIE_OPTIONS = MIE_TYPES.map((type) => ({ value: type, label: MIE_CATALOGUE[type].label }));
export const STATUS_OPTIONS = entries(ASSESSMENT_STATUS_TITLES);
