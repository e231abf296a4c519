import { writeTransition } from "@/lib/applications/write-transition";
import type { AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { ReviewTier, ReviewTiers } from "@/lib/db/generated/enums";
import { notifyMembers } from "@/lib/applications/notify-members";

export type TierAssignment = { tier: ReviewTier; hasConflict: boolean | null; submitted: boolean };

/** The tiers a wave's dossiers go through, in order. */
export function tiersOf(reviewTiers: ReviewTiers): ReviewTier[] {
  return reviewTiers === "REGIONAL_THEN_NATIONAL" ? ["REGIONAL", "NATIONAL"] : ["NATIONAL"];
}

/**
 * A tier is complete for a dossier when it has at least k submitted reviews and no live
 * assignment still to submit (a declared conflict ended its assignment: it counts for nothing).
 */
export function isTierComplete(tier: ReviewTier, k: number, assignments: readonly TierAssignment[]): boolean {
  const live = assignments.filter((assignment) => assignment.tier === tier && assignment.hasConflict !== true);
  return live.filter((assignment) => assignment.submitted).length >= k && live.every((assignment) => assignment.submitted);
}

/**
 * Whether a review of `tier` must wait before it is transmitted: in a wave reviewed regionally then
 * nationally, the ANS judges once the ARS have (its reviewers read the regional reviews first).
 */
export function awaitsEarlierTier(reviewTiers: ReviewTiers, k: number, tier: ReviewTier, assignments: readonly TierAssignment[]): boolean {
  const earlier = tiersOf(reviewTiers).slice(0, tiersOf(reviewTiers).indexOf(tier));
  return earlier.some((earlierTier) => !isTierComplete(earlierTier, k, assignments));
}

/** The review is complete when every tier of the wave is: the dossier is then « évalué ». */
export function isReviewComplete(reviewTiers: ReviewTiers, k: number, assignments: readonly TierAssignment[]): boolean {
  return tiersOf(reviewTiers).every((tier) => isTierComplete(tier, k, assignments));
}

type Writer = Pick<Db, "$queryRaw" | "application" | "establishment" | "outboxEmail">;

declare const lockedDossier: unique symbol;
/** A dossier whose row the current transaction holds (`lockDossierForReview`). */
export type LockedDossier = { readonly applicationId: string; readonly [lockedDossier]: true };

/**
 * Takes the dossier's row lock for the rest of the caller's transaction, before it reads or changes
 * the dossier's assignments and reviews. The transactions that can complete a dossier's review (a
 * review transmitted, a conflict declared, an assignment removed, the establishment's answer) or
 * undo it (a review reopened, an assignment added) then run one after another on that dossier:
 * each counts what the ones before it committed. Under READ COMMITTED alone, two last reviews
 * transmitted at the same moment each saw the other still a draft, and the dossier stayed « en
 * instruction » for good. Taken first, before any review or assignment row, so that two of them
 * never hold each other's next lock; a transaction that also locks the wave takes the wave's first.
 */
export async function lockDossierForReview(tx: Pick<Db, "$queryRaw">, applicationId: string): Promise<LockedDossier> {
  await tx.$queryRaw`SELECT "id" FROM "Application" WHERE "id" = ${applicationId}::uuid FOR UPDATE`;
  return { applicationId } as LockedDossier;
}

/** A dossier's wave tiers and every assignment as the tier rules read them. */
export async function loadTierAssignments(client: Pick<Db, "application">, applicationId: string) {
  const dossier = await client.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      id: true,
      state: true,
      version: true,
      wave: { select: { reviewTiers: true, reviewersPerDossier: true } },
      assignments: { select: { tier: true, conflict: { select: { hasConflict: true } }, review: { select: { status: true } } } },
    },
  });
  const assignments: TierAssignment[] = dossier.assignments.map((assignment) => ({
    tier: assignment.tier,
    hasConflict: assignment.conflict?.hasConflict ?? null,
    submitted: assignment.review?.status === "SUBMITTED",
  }));
  return { ...dossier, assignments };
}

/**
 * After a submission or a declared conflict, in the same transaction, which holds the dossier's
 * lock: when the last tier is now complete, the dossier moves to « évalué » through the state
 * machine (the reviewer's act).
 */
export async function completeScoringIfDone(tx: Writer, { applicationId }: LockedDossier, by: AuditActor, now: Date): Promise<boolean> {
  const { assignments, ...dossier } = await loadTierAssignments(tx, applicationId);
  if (dossier.state !== "UNDER_REVIEW") return false;
  if (!isReviewComplete(dossier.wave.reviewTiers, dossier.wave.reviewersPerDossier, assignments)) return false;
  const moved = await writeTransition(tx, { application: dossier, action: "completeScoring", actor: "REVIEWER", by, now });
  await notifyMembers(tx, { applicationId, version: dossier.version, action: "completeScoring", state: moved.state });
  return true;
}
