/**
 * The follow-up funnel: the selected dossiers under the dashboard's filters, counted by follow-up
 * stage (`lib/follow-up/follow-up-stage.ts`) with the board's grouped query
 * (`lib/follow-up/count-follow-up-stages.ts`).
 *
 * Public API: `loadFollowUpFunnel`, `FollowUpFunnel`.
 */
import { Prisma } from "@/lib/db/generated/client";
import { countFollowUpStages } from "@/lib/follow-up/count-follow-up-stages";
import { FOLLOW_UP_STAGE_LABELS, FOLLOW_UP_STAGES, type FollowUpStage } from "@/lib/follow-up/follow-up-stage";
import type { RosterClient } from "@/lib/roster/establishment-indicators";
import { type DashboardScope, establishmentScope } from "./filters";

export type FollowUpFunnel = Array<{ stage: FollowUpStage; label: string; count: number }>;

export async function loadFollowUpFunnel(client: RosterClient, scope: DashboardScope): Promise<FollowUpFunnel> {
  const wave = scope.vague ? Prisma.sql`a."waveId" = ${scope.vague}::uuid` : Prisma.sql`TRUE`;
  const groups = await countFollowUpStages(client, Prisma.sql`${wave} AND ${establishmentScope(scope)}`);
  const counts = new Map<FollowUpStage, number>(FOLLOW_UP_STAGES.map((stage) => [stage, 0]));
  for (const group of groups) counts.set(group.stage, counts.get(group.stage)! + group.count);
  return FOLLOW_UP_STAGES.map((stage) => ({ stage, label: FOLLOW_UP_STAGE_LABELS[stage], count: counts.get(stage)! }));
}
