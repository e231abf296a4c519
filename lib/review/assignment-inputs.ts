import type { Db } from "@/lib/db/client";
import type { ReviewTier } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";
import { groupBy } from "@/lib/decisions/group-by";
import { AppError } from "@/lib/errors/app-error";
import type { PlanDossier, PlanReviewer } from "./assignment-plan";
import { type ConflictFlag, conflictDossier, conflictIndex, lookBackHorizon } from "./conflicts";
import { IN_REVIEW_STATES } from "./review-states";

type Reader = Pick<Db, "wave" | "application" | "user" | "reviewerAssignment" | "conflictDeclaration">;

const liveAssignment: Prisma.ReviewerAssignmentWhereInput = { NOT: { conflict: { is: { hasConflict: true } } } };

/**
 * Everything assigning reviewers for one wave and tier reads: the wave's settings, its assignable
 * dossiers with their establishment, partners and assignments, the reviewers of the tier's role
 * with their regions and affiliations, their loads in the wave and tier, and every flagged pair.
 * The same rows feed the manual choice, the automatic plan (ids in a fixed order, so the preview
 * and the application of a plan read the same input) and the bench.
 */
export async function loadAssignmentInputs(client: Reader, waveId: string, tier: ReviewTier, now: Date) {
  const wave = await client.wave.findUnique({
    where: { id: waveId },
    select: {
      id: true,
      title: true,
      version: true,
      reviewTiers: true,
      reviewersPerDossier: true,
      reviewersAnonymous: true,
      regionalReviewDueAt: true,
      nationalReviewDueAt: true,
    },
  });
  if (!wave) throw new AppError("NOT_FOUND");
  if (tier === "REGIONAL" && wave.reviewTiers !== "REGIONAL_THEN_NATIONAL")
    throw new AppError("INVALID_STATE", "Cette vague n'a pas de niveau régional.");

  const [dossiers, reviewers, loads, declarations] = await Promise.all([
    client.application.findMany({
      where: { waveId, state: { in: [...IN_REVIEW_STATES] } },
      orderBy: { id: "asc" },
      select: {
        id: true,
        state: true,
        version: true,
        projectTitle: true,
        establishmentId: true,
        establishment: {
          select: { name: true, finessEt: true, finessEj: true, siret: true, regionCode: true, categoryCode: true, city: true },
        },
        partners: { select: { siret: true } },
        assignments: {
          select: {
            id: true,
            reviewerId: true,
            tier: true,
            dueAt: true,
            overrideReason: true,
            // What a declared conflict says, for the manager who reassigns (the board); the rule reads `hasConflict`.
            conflict: { select: { hasConflict: true, type: true, partnerSiret: true, details: true } },
            review: { select: { status: true } },
          },
        },
      },
    }),
    client.user.findMany({
      where: { staffRole: tier === "REGIONAL" ? "REGIONAL_REVIEWER" : "REVIEWER", disabledAt: null },
      orderBy: { id: "asc" },
      select: {
        id: true,
        displayName: true,
        email: true,
        reviewerRegions: { select: { regionCode: true } },
        affiliations: { select: { kind: true, reference: true, startsOn: true, endsOn: true } },
      },
    }),
    client.reviewerAssignment.groupBy({
      by: ["reviewerId"],
      where: { tier, application: { waveId }, ...liveAssignment },
      _count: { _all: true },
    }),
    // Conflicts declared with these dossiers' establishments, on any of their dossiers: a partner
    // tie concerns the partner, not the establishment.
    client.conflictDeclaration.findMany({
      where: {
        hasConflict: true,
        type: { not: "PARTNER_TIE" },
        declaredAt: { gte: lookBackHorizon(now) },
        assignment: { application: { establishment: { applications: { some: { waveId, state: { in: [...IN_REVIEW_STATES] } } } } } },
      },
      select: { assignment: { select: { reviewerId: true, applicationId: true, application: { select: { establishmentId: true } } } } },
    }),
  ]);

  const loadOf = new Map(loads.map((row) => [row.reviewerId, row._count._all]));
  const declaredWith = groupBy(
    declarations.map(({ assignment }) => assignment),
    (assignment) => assignment.application.establishmentId,
  );
  const index = conflictIndex(
    reviewers.map((reviewer) => ({ id: reviewer.id, affiliations: reviewer.affiliations })),
    now,
  );
  const flags = new Map<string, Map<string, ConflictFlag[]>>();
  const planDossiers: PlanDossier[] = dossiers.map((dossier) => {
    const live = dossier.assignments.filter((assignment) => assignment.conflict?.hasConflict !== true);
    const dossierFlags = index.flagsFor(
      conflictDossier(
        dossier,
        (declaredWith.get(dossier.establishmentId) ?? [])
          .filter((declared) => declared.applicationId !== dossier.id)
          .map((declared) => declared.reviewerId),
      ),
      tier,
    );
    flags.set(dossier.id, dossierFlags);
    return {
      id: dossier.id,
      regionCode: dossier.establishment.regionCode,
      assigned: live.filter((assignment) => assignment.tier === tier).map((assignment) => assignment.reviewerId),
      // A reviewer who declared a conflict, or who reviews the dossier in the other tier, never comes back.
      excluded: dossier.assignments
        .filter((assignment) => assignment.conflict?.hasConflict === true || assignment.tier !== tier)
        .map((assignment) => assignment.reviewerId),
      flagged: [...dossierFlags.keys()],
    };
  });
  const planReviewers = (caps: (reviewerId: string) => number): PlanReviewer[] =>
    reviewers.map((reviewer) => ({
      id: reviewer.id,
      load: loadOf.get(reviewer.id) ?? 0,
      cap: caps(reviewer.id),
      regionCodes: tier === "REGIONAL" ? reviewer.reviewerRegions.map((region) => region.regionCode) : null,
    }));
  return { wave, tier, dossiers, reviewers, loadOf, flags, planDossiers, planReviewers };
}

export type AssignmentInputs = Awaited<ReturnType<typeof loadAssignmentInputs>>;
