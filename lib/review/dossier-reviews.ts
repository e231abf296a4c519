import { canSeeReviewerNames, reviewTiersVisibleTo } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import type { DossierFacts } from "@/lib/applications/dossier-facts";
import { db } from "@/lib/db/client";
import type { ReviewTier } from "@/lib/db/generated/enums";
import { effectiveDueAt } from "./due-dates";
import { assignmentStanding, reviewDeadline } from "./review-states";
import { tierSpread } from "./review-spread";
import { type SheetCriterion, weightedTotal } from "./score-sheet";

/**
 * The reviews of a dossier the viewer may read besides their own (the policy decides which tiers:
 * nothing of their own tier before they submit), named or « Instructeur A, B… » as the wave says,
 * with each review's weighted total and, per tier, the spread. Managers also get every
 * assignment's state (declaration, due date, draft) to follow and reopen reviews.
 */
export async function loadDossierReviews(
  viewer: Viewer,
  facts: DossierFacts,
  criteria: readonly SheetCriterion[],
  own: { assignmentId: string; tier: ReviewTier; submitted: boolean } | null,
  now = new Date(),
) {
  const tiers = reviewTiersVisibleTo(viewer, facts, own);
  if (tiers.length === 0) return { tiers, reviews: [], spread: [] };
  const [wave, assignments] = await Promise.all([
    db.wave.findUniqueOrThrow({
      where: { id: facts.waveId },
      select: { reviewersAnonymous: true, regionalReviewDueAt: true, nationalReviewDueAt: true },
    }),
    db.reviewerAssignment.findMany({
      // A reviewer's own review stands beside the others once submitted (« Vous »).
      where: { applicationId: facts.id, tier: { in: [...tiers] }, ...(own && !own.submitted ? { id: { not: own.assignmentId } } : {}) },
      orderBy: [{ tier: "asc" }, { assignedAt: "asc" }],
      select: {
        id: true,
        tier: true,
        dueAt: true,
        flags: true,
        overrideReason: true,
        reviewer: { select: { displayName: true } },
        conflict: { select: { hasConflict: true, type: true, partnerSiret: true, details: true, declaredAt: true } },
        review: {
          select: {
            id: true,
            status: true,
            submittedAt: true,
            reopenedAt: true,
            overallComment: true,
            scores: { select: { criterionId: true, value: true, notApplicable: true, comment: true } },
          },
        },
      },
    }),
  ]);
  const manager = own === null;
  const named = canSeeReviewerNames(viewer, wave);
  // Reviewers read only submitted reviews; managers follow every assignment.
  const visible = manager
    ? assignments
    : assignments.filter((assignment) => assignment.review?.status === "SUBMITTED" && assignment.conflict?.hasConflict === false);
  // The others are lettered A, B… in the dossier's order; the viewer's own review (« Vous ») takes no letter.
  const others = visible.flatMap((assignment) => (assignment.id === own?.assignmentId ? [] : [assignment.id]));
  const reviews = visible.map((assignment) => {
    const submitted = assignment.review?.status === "SUBMITTED";
    const standingFacts = {
      state: facts.state,
      hasConflict: assignment.conflict?.hasConflict ?? null,
      submitted,
      dueAt: effectiveDueAt(assignment, wave),
    };
    const standing = assignmentStanding(standingFacts);
    return {
      assignmentId: assignment.id,
      tier: assignment.tier,
      reviewer:
        assignment.id === own?.assignmentId
          ? "Vous"
          : named
            ? assignment.reviewer.displayName
            : `Instructeur ${String.fromCharCode(65 + others.indexOf(assignment.id))}`,
      status: standing,
      conflict: manager ? assignment.conflict : null,
      flags: manager ? assignment.flags : [],
      overrideReason: manager ? assignment.overrideReason : null,
      dueAt: manager ? standingFacts.dueAt : null,
      deadline: manager ? reviewDeadline(standingFacts, now) : null,
      submittedAt: assignment.review?.submittedAt ?? null,
      reopenedAt: manager ? (assignment.review?.reopenedAt ?? null) : null,
      overallComment: submitted || manager ? (assignment.review?.overallComment ?? "") : "",
      scores: assignment.review?.scores ?? [],
      total: assignment.review ? weightedTotal(criteria, assignment.review.scores) : null,
    };
  });
  const spread = tiers.map((tier) => ({
    tier,
    ...tierSpread(
      reviews.flatMap((review) => (review.tier === tier && review.status === "SUBMITTED" && review.total !== null ? [review.total] : [])),
    ),
  }));
  return { tiers, reviews, spread };
}

export type DossierReviews = Awaited<ReturnType<typeof loadDossierReviews>>;
