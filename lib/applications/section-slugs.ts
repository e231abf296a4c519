import type { FormSection } from "@/lib/db/generated/enums";

/** The French path segment of each form section: /dossiers/<id>/budget. */
export const SECTION_SLUGS: Readonly<Record<FormSection, string>> = {
  PROJECT: "projet",
  PARTNERS: "partenaires",
  MIE_STRATEGY: "strategie-mie",
  IAM_SSO: "iam-sso",
  PSC_FEDERATION: "federation-psc",
  TIMELINE: "calendrier",
  BUDGET: "budget",
  SELF_ASSESSMENT: "auto-evaluation",
};

export function sectionFromSlug(slug: string): FormSection | null {
  const found = Object.entries(SECTION_SLUGS).find(([, candidate]) => candidate === slug);
  return found ? (found[0] as FormSection) : null;
}
