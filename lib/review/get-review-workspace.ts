import { authorizeOwnAssignment } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { getDossier } from "@/lib/applications/get-dossier";
import { db } from "@/lib/db/client";
import { regionName } from "@/lib/establishments/territories";
import { getDossierIndicators } from "@/lib/roster/get-dossier-indicators";
import { declarationClosedReason } from "./declaration-window";
import { assignmentStanding, isPendingStanding, isReviewRunning, reviewDeadline } from "./review-states";
import { loadDossierReviews } from "./dossier-reviews";
import { effectiveDueAt } from "./due-dates";
import { loadAssignment } from "./load-assignment";
import { loadSheetCriteria } from "./load-sheet-criteria";
import { sheetFormValues } from "./score-sheet";
import { awaitsEarlierTier, loadTierAssignments } from "./tier-completion";

/**
 * The reviewer's workspace for one assignment. Before the declaration of interests, only what
 * identifies the establishment (name, FINESS, category, region); after « no conflict », the whole
 * dossier, the score sheet (criteria with the objectives they judge), and — once submitted — the
 * other reviews the policy lets them read.
 */
export async function getReviewWorkspace(viewer: Viewer, assignmentId: string, now = new Date()) {
  const { assignment, facts } = await loadAssignment(db, assignmentId);
  authorizeOwnAssignment(viewer, facts, assignment, "declare-conflict");
  const row = await db.application.findUniqueOrThrow({
    where: { id: facts.id },
    select: {
      establishment: {
        select: {
          name: true,
          finessEt: true,
          finessEj: true,
          regionCode: true,
          city: true,
          category: { select: { label: true, code: true } },
        },
      },
      wave: { select: { title: true, regionalReviewDueAt: true, nationalReviewDueAt: true } },
    },
  });
  const submitted = assignment.review?.status === "SUBMITTED";
  const standingFacts = {
    state: facts.state,
    hasConflict: assignment.conflict?.hasConflict ?? null,
    submitted,
    dueAt: effectiveDueAt(assignment, row.wave),
  };
  const header = {
    assignmentId: assignment.id,
    tier: assignment.tier,
    dueAt: standingFacts.dueAt,
    /** Still to transmit: a review left undone once the dossier left review is no longer expected, nor overdue. */
    expected: isPendingStanding(assignmentStanding(standingFacts)),
    submitted,
    deadline: reviewDeadline(standingFacts, now),
    declarationClosed: declarationClosedReason(facts.state, assignment.review?.status ?? null),
    wave: row.wave.title,
    establishment: {
      name: row.establishment.name,
      finessEt: row.establishment.finessEt,
      finessEj: row.establishment.finessEj,
      category: `${row.establishment.category.label} (${row.establishment.category.code})`,
      region: regionName(row.establishment.regionCode),
      city: row.establishment.city,
    },
  };
  if (assignment.conflict?.hasConflict !== false || !assignment.review) return { stage: "declaration" as const, ...header };

  const [dossier, figures, criteria, links, review, tiers, reopening] = await Promise.all([
    getDossier(viewer, facts.id),
    getDossierIndicators(viewer, facts.id, now),
    loadSheetCriteria(db, facts.waveVersionId),
    db.criterionObjective.findMany({ where: { waveVersionId: facts.waveVersionId }, select: { criterionId: true, objectiveId: true } }),
    db.review.findUniqueOrThrow({
      where: { id: assignment.review.id },
      select: {
        status: true,
        version: true,
        submittedAt: true,
        reopenedAt: true,
        overallComment: true,
        scores: { select: { criterionId: true, value: true, notApplicable: true, comment: true } },
      },
    }),
    loadTierAssignments(db, facts.id),
    // The reason a manager gave is written, in the reopening's transaction, to the reviewer's e-mail
    // and the audit entry: the entry is its record, read here rather than copied onto the review.
    db.auditEvent.findFirst({
      where: { action: "review.reopened", targetType: "Review", targetId: assignment.review.id },
      orderBy: { id: "desc" },
      select: { details: true },
    }),
  ]);
  const reopenReason = (reopening?.details as { reason?: unknown } | undefined)?.reason;
  const others = await loadDossierReviews(viewer, facts, criteria, { assignmentId: assignment.id, tier: assignment.tier, submitted }, now);
  return {
    stage: "review" as const,
    ...header,
    dossier,
    figures,
    criteria: criteria.map((criterion) => ({
      ...criterion,
      objectiveIds: links.filter((link) => link.criterionId === criterion.id).map((link) => link.objectiveId),
    })),
    review: {
      status: review.status,
      version: review.version,
      submittedAt: review.submittedAt,
      reopenedAt: review.reopenedAt,
      /** Why a manager reopened it, while it is a draft again. */
      reopenReason: review.status === "DRAFT" && review.reopenedAt && typeof reopenReason === "string" ? reopenReason : null,
      values: sheetFormValues(criteria, review),
    },
    editable: review.status === "DRAFT" && isReviewRunning(facts.state),
    /** A national review in a wave whose regional tier has not finished: it may be written, not yet transmitted. */
    awaitingEarlierTier: awaitsEarlierTier(tiers.wave.reviewTiers, tiers.wave.reviewersPerDossier, assignment.tier, tiers.assignments),
    others,
  };
}

export type ReviewWorkspace = Awaited<ReturnType<typeof getReviewWorkspace>>;
