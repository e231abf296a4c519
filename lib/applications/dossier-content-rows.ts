import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { FormSection } from "@/lib/db/generated/enums";
import { calendarDateFromUtc } from "./calendar-date";
import type { DossierContent } from "./dossier-content";
import { formatEuroAmountInput } from "./euro-amount";
import type { TSectionFormValues } from "./sections";

type Reader = Pick<Db, "application">;

const POPULATION_ORDER = ["SALARIED", "SELF_EMPLOYED", "INTERN", "TEMPORARY", "TRAINEE"] as const;

/** What a dossier's content is read from: the Application columns and its child rows, in form order. */
export const DOSSIER_CONTENT_SELECT = {
  projectTitle: true,
  projectSummary: true,
  iamPlan: true,
  pscFederationPlan: true,
  partners: { orderBy: { position: "asc" }, select: { name: true, siret: true, role: true, solution: true } },
  mieStrategy: { select: { population: true, mieTypes: true, headcount: true, notes: true } },
  milestones: { orderBy: { position: "asc" }, select: { label: true, dueDate: true } },
  budgetLines: { orderBy: { position: "asc" }, select: { category: true, label: true, amountCents: true } },
  assessments: { select: { objectiveId: true, status: true, targetDate: true, explanation: true } },
} as const satisfies Prisma.ApplicationSelect;

type ContentRow = Prisma.ApplicationGetPayload<{ select: typeof DOSSIER_CONTENT_SELECT }>;

/** A dossier's content as stored. */
export async function readDossierContent(client: Reader, applicationId: string): Promise<DossierContent> {
  return dossierContentOf(await client.application.findUniqueOrThrow({ where: { id: applicationId }, select: DOSSIER_CONTENT_SELECT }));
}

/** The content of a row read with DOSSIER_CONTENT_SELECT (alone, or within a larger select). */
export function dossierContentOf(row: ContentRow): DossierContent {
  return {
    projectTitle: row.projectTitle,
    projectSummary: row.projectSummary,
    iamPlan: row.iamPlan,
    pscFederationPlan: row.pscFederationPlan,
    partners: row.partners,
    mieStrategy: [...row.mieStrategy].sort((a, b) => POPULATION_ORDER.indexOf(a.population) - POPULATION_ORDER.indexOf(b.population)),
    milestones: row.milestones.map((milestone) => ({ label: milestone.label, dueDate: calendarDateFromUtc(milestone.dueDate) })),
    budgetLines: row.budgetLines,
    assessments: Object.fromEntries(
      row.assessments.map((assessment) => [
        assessment.objectiveId,
        {
          status: assessment.status,
          targetDate: assessment.targetDate ? calendarDateFromUtc(assessment.targetDate) : null,
          explanation: assessment.explanation,
        },
      ]),
    ),
  };
}

/** A section's stored content as its form holds it (amounts as typed text, dates as strings). */
export function sectionFormValues<S extends FormSection>(section: S, content: DossierContent): TSectionFormValues<S> {
  const values: { [K in FormSection]: TSectionFormValues<K> } = {
    PROJECT: { projectTitle: content.projectTitle, projectSummary: content.projectSummary },
    PARTNERS: { partners: content.partners.map((partner) => ({ ...partner, siret: partner.siret ?? "" })) },
    MIE_STRATEGY: { mieStrategy: content.mieStrategy },
    IAM_SSO: { iamPlan: content.iamPlan },
    PSC_FEDERATION: { pscFederationPlan: content.pscFederationPlan },
    TIMELINE: { milestones: content.milestones },
    BUDGET: {
      budgetLines: content.budgetLines.map((line) => ({
        category: line.category,
        label: line.label,
        amount: formatEuroAmountInput(line.amountCents),
      })),
    },
    SELF_ASSESSMENT: { assessments: content.assessments },
  };
  return values[section] as TSectionFormValues<S>;
}
