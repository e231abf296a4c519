import { randomUUID } from "node:crypto";
import type { Viewer } from "@/lib/access/viewer";
import type { Db } from "@/lib/db/client";
import type { ReviewTier } from "@/lib/db/generated/enums";
import { defaultDecisionProposal } from "@/lib/decisions/proposal";
import type { stageDecision } from "@/lib/decisions/stage-decision";
import { createSubmittedDossier } from "./dossiers";

/** A manager's proposal for `stageDecision`: « retenu », nothing else said, unless `fields` say it. */
export function decisionProposal(fields: Partial<Parameters<typeof stageDecision>[1]> & { applicationId: string }) {
  return { ...defaultDecisionProposal("SELECTED"), ip: null, ...fields };
}

/**
 * Test data for decisions: a dossier scored by the given reviewers (each review submitted, every
 * criterion noted `value`, capped at its scale), already « évalué ». Shared by the integration and
 * end-to-end tests; the database is a parameter.
 */
export async function createScoredDossier(
  db: Db,
  wave: Parameters<typeof createSubmittedDossier>[1] & { criteria: ReadonlyArray<{ id: string; scaleMax: number }> },
  reviews: ReadonlyArray<{ reviewerId: string; value: number; tier?: ReviewTier; comment?: string }>,
  options: Parameters<typeof createSubmittedDossier>[2] = {},
) {
  const dossier = await createSubmittedDossier(db, wave, options);
  await addSubmittedReviews(db, dossier.id, wave.criteria, reviews);
  await db.application.update({ where: { id: dossier.id }, data: { state: "SCORED", version: 4 } });
  await db.applicationTransition.createMany({
    data: [
      { applicationId: dossier.id, fromState: "SUBMITTED", toState: "UNDER_REVIEW" },
      { applicationId: dossier.id, fromState: "UNDER_REVIEW", toState: "SCORED" },
    ],
  });
  return dossier;
}

/** Reviews submitted on a dossier, each criterion noted `value` (capped at its scale); its state is left as it is. */
export async function addSubmittedReviews(
  db: Db,
  applicationId: string,
  criteria: ReadonlyArray<{ id: string; scaleMax: number }>,
  reviews: ReadonlyArray<{ reviewerId: string; value: number; tier?: ReviewTier; comment?: string }>,
) {
  for (const review of reviews) {
    await db.reviewerAssignment.create({
      data: {
        applicationId,
        reviewerId: review.reviewerId,
        tier: review.tier ?? "NATIONAL",
        conflict: { create: { hasConflict: false } },
        review: {
          create: {
            status: "SUBMITTED",
            submittedAt: new Date(),
            overallComment: review.comment ?? "Projet cohérent.",
            scores: {
              create: criteria.map((criterion) => ({
                criterionId: criterion.id,
                value: Math.min(review.value, criterion.scaleMax),
                comment: `Note ${review.value} motivée.`,
              })),
            },
          },
        },
      },
    });
  }
}

/** The dossier's director, as the access policy sees them. */
export async function directorOf(db: Db, establishmentId: string): Promise<Viewer> {
  const membership = await db.membership.findFirstOrThrow({
    where: { establishmentId },
    select: { role: true, user: { select: { id: true, email: true, displayName: true } } },
  });
  return {
    userId: membership.user.id,
    email: membership.user.email,
    displayName: membership.user.displayName,
    staffRole: null,
    memberships: [{ establishmentId, role: membership.role }],
    sessionId: randomUUID(),
  };
}
