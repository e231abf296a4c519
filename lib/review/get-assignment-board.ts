import { ZPageFilter } from "@/lib/http/list-filters";
import { z } from "zod";
import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import type { ReviewTier } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { regionName } from "@/lib/establishments/territories";
import { loadAssignmentInputs } from "./assignment-inputs";
import { CONFLICT_FLAG_LABELS } from "./conflicts";
import { effectiveDueAt } from "./due-dates";
import { assignmentStanding, REVIEW_RUNNING_STATES, reviewDeadline } from "./review-states";
import { tiersOf } from "./tier-completion";

export const BOARD_PAGE_SIZE = 25;

export const ZBoardFilters = z.object({
  niveau: z.enum(["REGIONAL", "NATIONAL"]).optional().catch(undefined),
  vue: z.enum(["a-completer", "tous"]).catch("a-completer"),
  page: ZPageFilter,
});

/**
 * The managers' assignment board for one wave and tier: each assignable dossier with its live
 * reviewers (status, due date, overdue), the conflicts that ended assignments, how many it still
 * needs, the links of interests detected on its assigned pairs, and the reviewers one may add (load
 * and detected flags); the reviewers' loads; and the reviews overdue in every tier of the wave.
 */
export async function getAssignmentBoard(viewer: Viewer, waveId: string, filters: z.infer<typeof ZBoardFilters>, now = new Date()) {
  requirePermission(viewer, "reviewer:assign");
  const wave = await db.wave.findUnique({ where: { id: waveId }, select: { reviewTiers: true } });
  if (!wave) throw new AppError("NOT_FOUND");
  const tiers = tiersOf(wave.reviewTiers);
  const tier: ReviewTier = filters.niveau && tiers.includes(filters.niveau) ? filters.niveau : tiers[0]!;
  const inputs = await loadAssignmentInputs(db, waveId, tier, now);
  const names = new Map(
    (
      await db.user.findMany({ where: { assignments: { some: { application: { waveId } } } }, select: { id: true, displayName: true } })
    ).map((user) => [user.id, user.displayName]),
  );
  const k = inputs.wave.reviewersPerDossier;

  const rows = inputs.dossiers.map((dossier, index) => {
    const plan = inputs.planDossiers[index]!;
    const flags = inputs.flags.get(dossier.id)!;
    const inTier = dossier.assignments.filter((assignment) => assignment.tier === tier);
    const flagLabels = (reviewerId: string) => (flags.get(reviewerId) ?? []).map((flag) => CONFLICT_FLAG_LABELS[flag]);
    return {
      id: dossier.id,
      state: dossier.state,
      establishment: { ...dossier.establishment, region: regionName(dossier.establishment.regionCode) },
      missing: Math.max(0, k - plan.assigned.length),
      assignments: inTier.flatMap((assignment) => {
        const facts = {
          state: dossier.state,
          hasConflict: assignment.conflict?.hasConflict ?? null,
          submitted: assignment.review?.status === "SUBMITTED",
          dueAt: effectiveDueAt(assignment, inputs.wave),
        };
        const status = assignmentStanding(facts);
        if (status === "CONFLICT") return [];
        return {
          id: assignment.id,
          reviewer: names.get(assignment.reviewerId) ?? "?",
          status,
          dueAt: facts.dueAt,
          deadline: reviewDeadline(facts, now),
          // The rule that flags a candidate flags a pair already assigned too: an affiliation saved
          // since, or the one the manager overrode, whose reason stays beside it.
          flags: flagLabels(assignment.reviewerId),
          overrideReason: assignment.overrideReason,
        };
      }),
      conflicts: inTier.flatMap(({ reviewerId, conflict }) =>
        conflict?.hasConflict === true && conflict.type
          ? [
              {
                reviewer: names.get(reviewerId) ?? "?",
                type: conflict.type,
                partnerSiret: conflict.partnerSiret,
                details: conflict.details,
              },
            ]
          : [],
      ),
      candidates: inputs.reviewers
        .filter((reviewer) => !plan.assigned.includes(reviewer.id) && !plan.excluded.includes(reviewer.id))
        .filter(
          (reviewer) =>
            tier === "NATIONAL" || reviewer.reviewerRegions.some((region) => region.regionCode === dossier.establishment.regionCode),
        )
        .map((reviewer) => ({
          id: reviewer.id,
          name: reviewer.displayName,
          load: inputs.loadOf.get(reviewer.id) ?? 0,
          flags: flagLabels(reviewer.id),
        })),
    };
  });
  const shown = filters.vue === "a-completer" ? rows.filter((row) => row.missing > 0) : rows;
  const pages = Math.max(1, Math.ceil(shown.length / BOARD_PAGE_SIZE));
  const page = Math.min(filters.page, pages);

  // Only the states where a review can be late (`reviewDeadline`) are read; the rule then decides.
  const pending = await db.reviewerAssignment.findMany({
    where: {
      application: { waveId, state: { in: [...REVIEW_RUNNING_STATES] } },
      NOT: [{ conflict: { is: { hasConflict: true } } }, { review: { is: { status: "SUBMITTED" } } }],
    },
    select: {
      id: true,
      tier: true,
      dueAt: true,
      conflict: { select: { hasConflict: true } },
      reviewer: { select: { displayName: true, email: true } },
      application: { select: { id: true, state: true, establishment: { select: { name: true } } } },
    },
  });
  const overdueByTier = tiers.map((candidate) => ({
    tier: candidate,
    reviews: pending
      .map((assignment) => ({ ...assignment, effectiveDueAt: effectiveDueAt(assignment, inputs.wave) }))
      .filter(
        (assignment) =>
          assignment.tier === candidate &&
          reviewDeadline(
            {
              state: assignment.application.state,
              hasConflict: assignment.conflict?.hasConflict ?? null,
              submitted: false,
              dueAt: assignment.effectiveDueAt,
            },
            now,
          ) === "OVERDUE",
      )
      .sort((a, b) => a.effectiveDueAt!.getTime() - b.effectiveDueAt!.getTime()),
  }));

  return {
    wave: inputs.wave,
    tiers,
    tier,
    k,
    counts: {
      dossiers: rows.length,
      complete: rows.filter((row) => row.missing === 0).length,
      needing: rows.filter((row) => row.missing > 0).length,
      flaggedAssignments: rows.reduce((sum, row) => sum + row.assignments.filter((assignment) => assignment.flags.length > 0).length, 0),
    },
    rows: shown.slice((page - 1) * BOARD_PAGE_SIZE, page * BOARD_PAGE_SIZE),
    page,
    pages,
    shownCount: shown.length,
    reviewers: inputs.reviewers.map((reviewer) => ({
      id: reviewer.id,
      name: reviewer.displayName,
      regions: reviewer.reviewerRegions.map((region) => regionName(region.regionCode)),
      load: inputs.loadOf.get(reviewer.id) ?? 0,
    })),
    overdueByTier,
  };
}

export type AssignmentBoard = Awaited<ReturnType<typeof getAssignmentBoard>>;
