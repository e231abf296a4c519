/**
 * Review progress per tier under the dashboard's filters: live assignments (a declared conflict
 * ended its assignment), submitted reviews, overdue ones. The database groups the assignments by
 * what the rules read (tier, due dates, submitted, conflict); the rules of `lib/review/due-dates.ts`
 * then decide, once per group, what is overdue.
 *
 * Public API: `TierProgress`, `loadReviewProgress`, `tallyReviewProgress`, `AssignmentGroup`.
 */
import { Prisma } from "@/lib/db/generated/client";
import type { ReviewTier } from "@/lib/db/generated/enums";
import { effectiveDueAt, isOverdue } from "@/lib/review/due-dates";
import type { RosterClient } from "@/lib/roster/establishment-indicators";
import { type DashboardScope, establishmentScope } from "./filters";

export type TierProgress = { tier: ReviewTier; assigned: number; submitted: number; overdue: number; conflicts: number };

export type AssignmentGroup = {
  tier: ReviewTier;
  dueAt: Date | null;
  regionalReviewDueAt: Date | null;
  nationalReviewDueAt: Date | null;
  submitted: boolean;
  hasConflict: boolean | null;
  count: number;
};

const TIERS: readonly ReviewTier[] = ["REGIONAL", "NATIONAL"];

export function tallyReviewProgress(groups: readonly AssignmentGroup[], now: Date): TierProgress[] {
  const progress = new Map(TIERS.map((tier) => [tier, { tier, assigned: 0, submitted: 0, overdue: 0, conflicts: 0 }]));
  for (const group of groups) {
    const tier = progress.get(group.tier)!;
    if (group.hasConflict === true) {
      tier.conflicts += group.count;
      continue;
    }
    tier.assigned += group.count;
    if (group.submitted) tier.submitted += group.count;
    if (isOverdue(effectiveDueAt(group, group), group.submitted, now)) tier.overdue += group.count;
  }
  return [...progress.values()].filter((tier) => tier.assigned + tier.conflicts > 0);
}

export async function loadReviewProgress(client: RosterClient, scope: DashboardScope, now: Date): Promise<TierProgress[]> {
  const wave = scope.vague ? Prisma.sql`a."waveId" = ${scope.vague}::uuid` : Prisma.sql`TRUE`;
  const groups = await client.$queryRaw<AssignmentGroup[]>`
    SELECT ra.tier::text AS tier, ra."dueAt", w."regionalReviewDueAt", w."nationalReviewDueAt",
           coalesce(r.status = 'SUBMITTED', false) AS submitted, d."hasConflict", count(*)::int AS count
    FROM "ReviewerAssignment" ra
    JOIN "Application" a ON a.id = ra."applicationId"
    JOIN "Wave" w ON w.id = a."waveId"
    JOIN "Establishment" e ON e.id = a."establishmentId"
    LEFT JOIN "Review" r ON r."assignmentId" = ra.id
    LEFT JOIN "ConflictDeclaration" d ON d."assignmentId" = ra.id
    WHERE ${wave} AND ${establishmentScope(scope)}
    GROUP BY 1, 2, 3, 4, 5, 6`;
  return tallyReviewProgress(groups, now);
}
