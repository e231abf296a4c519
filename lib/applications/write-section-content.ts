import type { Db } from "@/lib/db/client";
import type { FormSection } from "@/lib/db/generated/enums";
import { calendarDateToUtc } from "./calendar-date";
import type { TSectionInput } from "./sections";

type Writer = Pick<Db, "application" | "partner" | "mieStrategyLine" | "milestone" | "budgetLine" | "objectiveAssessment">;

/**
 * Writes one section's parsed content in place of what was stored: list sections replace their
 * rows (their order is the applicant's). Runs inside the caller's transaction.
 */
export async function writeSectionContent<S extends FormSection>(
  tx: Writer,
  applicationId: string,
  section: S,
  data: TSectionInput<S>,
): Promise<void> {
  const where = { applicationId };
  switch (section) {
    case "PROJECT":
    case "IAM_SSO":
    case "PSC_FEDERATION":
      await tx.application.update({ where: { id: applicationId }, data: data as TSectionInput<"PROJECT" | "IAM_SSO" | "PSC_FEDERATION"> });
      return;
    case "PARTNERS": {
      const { partners } = data as TSectionInput<"PARTNERS">;
      await tx.partner.deleteMany({ where });
      await tx.partner.createMany({ data: partners.map((partner, position) => ({ ...partner, applicationId, position })) });
      return;
    }
    case "MIE_STRATEGY": {
      const { mieStrategy } = data as TSectionInput<"MIE_STRATEGY">;
      await tx.mieStrategyLine.deleteMany({ where });
      await tx.mieStrategyLine.createMany({ data: mieStrategy.map((line) => ({ ...line, applicationId })) });
      return;
    }
    case "TIMELINE": {
      const { milestones } = data as TSectionInput<"TIMELINE">;
      await tx.milestone.deleteMany({ where });
      await tx.milestone.createMany({
        data: milestones.map((milestone, position) => ({
          applicationId,
          label: milestone.label,
          dueDate: calendarDateToUtc(milestone.dueDate),
          position,
        })),
      });
      return;
    }
    case "BUDGET": {
      const { budgetLines } = data as TSectionInput<"BUDGET">;
      await tx.budgetLine.deleteMany({ where });
      await tx.budgetLine.createMany({ data: budgetLines.map((line, position) => ({ ...line, applicationId, position })) });
      return;
    }
    case "SELF_ASSESSMENT": {
      const { assessments } = data as TSectionInput<"SELF_ASSESSMENT">;
      await tx.objectiveAssessment.deleteMany({ where: { applicationId, objectiveId: { notIn: Object.keys(assessments) } } });
      for (const [objectiveId, assessment] of Object.entries(assessments)) {
        const values = {
          status: assessment.status,
          targetDate: assessment.targetDate ? calendarDateToUtc(assessment.targetDate) : null,
          explanation: assessment.explanation,
        };
        await tx.objectiveAssessment.upsert({
          where: { applicationId_objectiveId: { applicationId, objectiveId } },
          create: { applicationId, objectiveId, ...values },
          update: values,
        });
      }
      return;
    }
  }
}
