/**
 * Review progress per tier under the dashboard's filters: the reviews transmitted or still expected
 * (a declared conflict ended its assignment; a draft left when the dossier left review is no longer
 * expected), submitted reviews, overdue ones. The database groups the assignments by what the rules
 * read (dossier's state, tier, due dates, submitted, conflict); `reviewDeadline` of
 * `lib/review/review-states.ts`, the rule of every review view, then decides once per group.
 *
 * Public API: `TierProgress`, `loadReviewProgress`, `tallyReviewProgress`, `AssignmentGroup`.
 */
import { Prisma } from "@/lib/db/generated/client";
import type { ApplicationState, ReviewTier } from "@/lib/db/generated/enums";
import { effectiveDueAt } from "@/lib/review/due-dates";
import { assignmentStanding, countsAsAssigned, reviewDeadline } from "@/lib/review/review-states";
import type { RosterClient } from "@/lib/roster/establishment-indicators";
import { type DashboardScope, establishmentScope } from "./filters";

export type TierProgress = { tier: ReviewTier; assigned: number; submitted: number; overdue: number; conflicts: number };

export type AssignmentGroup = {
  state: ApplicationState;
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
    const standing = assignmentStanding(group);
    if (standing === "CONFLICT") tier.conflicts += group.count;
    if (!countsAsAssigned(standing)) continue;
    tier.assigned += group.count;
    if (standing === "SUBMITTED") tier.submitted += group.count;
    if (reviewDeadline({ ...group, dueAt: effectiveDueAt(group, group) }, now) === "OVERDUE") tier.overdue += group.count;
  }
  return [...progress.values()].filter((tier) => tier.assigned + tier.conflicts > 0);
}

export async function loadReviewProgress(client: RosterClient, scope: DashboardScope, now: Date): Promise<TierProgress[]> {
  const wave = scope.vague ? Prisma.sql`a."waveId" = ${scope.vague}::uuid` : Prisma.sql`TRUE`;
  const groups = await client.$queryRaw<AssignmentGroup[]>`
    SELECT a.state::text AS state, ra.tier::text AS tier, ra."dueAt", w."regionalReviewDueAt", w."nationalReviewDueAt",
           coalesce(r.status = 'SUBMITTED', false) AS submitted, d."hasConflict", count(*)::int AS count
    FROM "ReviewerAssignment" ra
    JOIN "Application" a ON a.id = ra."applicationId"
    JOIN "Wave" w ON w.id = a."waveId"
    JOIN "Establishment" e ON e.id = a."establishmentId"
    LEFT JOIN "Review" r ON r."assignmentId" = ra.id
    LEFT JOIN "ConflictDeclaration" d ON d."assignmentId" = ra.id
    WHERE ${wave} AND ${establishmentScope(scope)}
    GROUP BY 1, 2, 3, 4, 5, 6, 7`;
  return tallyReviewProgress(groups, now);
}
