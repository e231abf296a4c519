import { writeCriterionLinks } from "@/lib/campaigns/criterion-objectives";
import { DEFAULT_CRITERIA, DEFAULT_CRITERION_OBJECTIVES } from "@/lib/campaigns/programme-defaults";
import type { Db } from "@/lib/db/client";
import { DEMO_EMAIL_DOMAIN } from "./people";
import type { DemoProgramme } from "./programme";

const DAY = 86_400_000;

/**
 * The review in the demo. The pilot wave stays single-tier (national); the generalisation wave is
 * reviewed by the ARS first, then the ANS, with due dates around today. An ARS reviewer (printed
 * among the demo links) holds regional assignments in every state: not started, conflict declared,
 * in progress, submitted, overdue. The dossiers already scored have their regional reviews too;
 * the submitted ones wait for the automatic assignment. Reviewers have affiliations, so that the
 * assignment page shows a detected conflict.
 */
export async function seedReview(
  db: Db,
  programme: DemoProgramme,
  managerId: string,
  reviewerIds: readonly string[],
  now: Date,
): Promise<void> {
  for (const wave of Object.values(programme)) {
    await writeCriterionLinks(
      db,
      wave.versionId,
      DEFAULT_CRITERIA.map((criterion) => ({ code: criterion.code, objectiveCodes: DEFAULT_CRITERION_OBJECTIVES[criterion.code] ?? [] })),
    );
  }
  const { waveId } = programme.GENERALISATION;
  await db.wave.update({
    where: { id: waveId },
    data: {
      reviewTiers: "REGIONAL_THEN_NATIONAL",
      regionalReviewDueAt: new Date(now.getTime() + 5 * DAY),
      nationalReviewDueAt: new Date(now.getTime() + 30 * DAY),
      reviewersPerDossier: 2,
    },
  });
  await db.wave.update({ where: { id: programme.PILOT.waveId }, data: { reviewTiers: "NATIONAL_ONLY", reviewersPerDossier: 2 } });

  const dossiers = await db.application.findMany({
    where: { waveId, state: { in: ["UNDER_REVIEW", "SCORED", "SELECTED", "REJECTED", "INFORMATION_REQUESTED"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, state: true, createdAt: true, establishment: { select: { regionCode: true, finessEj: true } } },
  });
  const underReview = dossiers.filter((dossier) => dossier.state === "UNDER_REVIEW");
  const regions = [...new Set(dossiers.map((dossier) => dossier.establishment.regionCode))].sort();
  const helene = await db.user.create({
    data: {
      email: `helene.marchand@${DEMO_EMAIL_DOMAIN}`,
      displayName: "Hélène Marchand",
      staffRole: "REGIONAL_REVIEWER",
      reviewerRegions: { create: regions.map((regionCode) => ({ regionCode })) },
      affiliations: { create: [{ kind: "ARS", reference: regions[0]!, label: "ARS", startsOn: new Date("2018-09-01") }] },
    },
  });
  const marc = await db.user.create({
    data: {
      email: `marc.petit@${DEMO_EMAIL_DOMAIN}`,
      displayName: "Marc Petit",
      staffRole: "REGIONAL_REVIEWER",
      reviewerRegions: { create: regions.map((regionCode) => ({ regionCode })) },
    },
  });
  // An ANS reviewer who worked for one of the establishments: the assignment page flags the pair.
  // The tie ended two years before the seed, so that it stays within the look-back whenever the
  // demo is loaded.
  if (reviewerIds[2] && underReview[0]) {
    const endsOn = new Date(Date.UTC(now.getUTCFullYear() - 2, 5, 30));
    await db.reviewerAffiliation.create({
      data: {
        userId: reviewerIds[2],
        kind: "FINESS",
        reference: underReview[0].establishment.finessEj,
        label: "Ancien employeur",
        startsOn: new Date(Date.UTC(endsOn.getUTCFullYear() - 8, 0, 1)),
        endsOn,
      },
    });
  }

  const criteria = await db.criterion.findMany({
    where: { waveVersionId: programme.GENERALISATION.versionId },
    orderBy: { position: "asc" },
    select: { id: true, scaleMax: true, required: true },
  });
  const scores = (count: number, seed: number) =>
    criteria
      .slice(0, count)
      .map((criterion, index) =>
        criterion.required
          ? { criterionId: criterion.id, value: Math.min(criterion.scaleMax, 2 + ((seed + index) % 4)), comment: "" }
          : { criterionId: criterion.id, value: null, notApplicable: true, comment: "" },
      );
  type Kind = "NOT_STARTED" | "CONFLICT" | "IN_PROGRESS" | "SUBMITTED" | "OVERDUE";
  const assign = async (applicationId: string, reviewerId: string, kind: Kind, at: Date, seed: number) => {
    const submitted = kind === "SUBMITTED";
    await db.reviewerAssignment.create({
      data: {
        applicationId,
        reviewerId,
        tier: "REGIONAL",
        assignedById: managerId,
        assignedAt: at,
        dueAt: kind === "OVERDUE" ? new Date(now.getTime() - 2 * DAY) : null,
        conflict:
          kind === "NOT_STARTED"
            ? undefined
            : {
                create:
                  kind === "CONFLICT"
                    ? {
                        hasConflict: true,
                        type: "EMPLOYMENT",
                        details: "Ancienne cadre de santé de l'établissement (2022).",
                        declaredAt: at,
                      }
                    : { hasConflict: false, declaredAt: at },
              },
        review:
          kind === "NOT_STARTED" || kind === "CONFLICT"
            ? undefined
            : {
                create: {
                  status: submitted ? "SUBMITTED" : "DRAFT",
                  submittedAt: submitted ? new Date(at.getTime() + 4 * DAY) : null,
                  overallComment: submitted
                    ? "Démarche cohérente avec la feuille de route régionale ; vigilance sur les intérimaires."
                    : "",
                  scores: { create: scores(submitted ? criteria.length : 2, seed) },
                },
              },
      },
    });
  };

  const hers: Kind[] = ["NOT_STARTED", "CONFLICT", "IN_PROGRESS", "SUBMITTED", "OVERDUE"];
  if (underReview.length < hers.length) throw new Error("demo: not enough dossiers under review for every review state");
  for (const [index, dossier] of dossiers.entries()) {
    const at = new Date(dossier.createdAt.getTime() + 15 * DAY);
    const position = underReview.indexOf(dossier);
    if (position >= 0) {
      await assign(dossier.id, helene.id, hers[position % hers.length]!, at, index);
      await assign(dossier.id, marc.id, position % 2 === 0 ? "SUBMITTED" : "IN_PROGRESS", at, index + 1);
    } else {
      // Scored, decided or waiting for an answer: the regional tier went through.
      await assign(dossier.id, helene.id, "SUBMITTED", at, index);
      await assign(dossier.id, marc.id, "SUBMITTED", at, index + 2);
    }
  }
}
