/**
 * The follow-up funnel: the selected dossiers under the dashboard's filters, counted by follow-up
 * stage (`lib/follow-up/follow-up-stage.ts`). One grouped query (verification state × balance
 * status), small whatever the number of dossiers; the stages are derived in memory.
 *
 * Public API: `loadFollowUpFunnel`, `FollowUpFunnel`.
 */
import { Prisma } from "@/lib/db/generated/client";
import type { TrancheStatus, VerificationState } from "@/lib/db/generated/enums";
import { FOLLOW_UP_STAGE_LABELS, FOLLOW_UP_STAGES, type FollowUpStage, followUpStage } from "@/lib/follow-up/follow-up-stage";
import type { RosterClient } from "@/lib/roster/establishment-indicators";
import { type DashboardScope, establishmentScope } from "./filters";

export type FollowUpFunnel = Array<{ stage: FollowUpStage; label: string; count: number }>;

type Group = { verification: VerificationState | null; balance: TrancheStatus | null; count: number };

export async function loadFollowUpFunnel(client: RosterClient, scope: DashboardScope): Promise<FollowUpFunnel> {
  const wave = scope.vague ? Prisma.sql`a."waveId" = ${scope.vague}::uuid` : Prisma.sql`TRUE`;
  const groups = await client.$queryRaw<Group[]>`
    SELECT v.state::text AS verification, t.status::text AS balance, count(*)::int AS count
    FROM "Application" a
    JOIN "Establishment" e ON e.id = a."establishmentId"
    LEFT JOIN LATERAL (
      SELECT d.id FROM "ResultDeclaration" d WHERE d."applicationId" = a.id ORDER BY d."declaredAt" DESC LIMIT 1
    ) d ON TRUE
    LEFT JOIN "ResultVerification" v ON v."declarationId" = d.id
    LEFT JOIN "Tranche" t ON t."applicationId" = a.id AND t.kind = 'BALANCE'
    WHERE a.state = 'SELECTED' AND ${wave} AND ${establishmentScope(scope)}
    GROUP BY v.state, t.status`;
  const counts = new Map<FollowUpStage, number>(FOLLOW_UP_STAGES.map((stage) => [stage, 0]));
  for (const group of groups) {
    const stage = followUpStage({ verification: group.verification ? { state: group.verification } : null, balance: group.balance });
    counts.set(stage, counts.get(stage)! + group.count);
  }
  return FOLLOW_UP_STAGES.map((stage) => ({ stage, label: FOLLOW_UP_STAGE_LABELS[stage], count: counts.get(stage)! }));
}
