/**
 * SEAM (issue 11): what the decisions granted, per wave. The decisions feature is being rebuilt on
 * its own branch and will export `loadDecisionSummaries(db, ids)`; once it lands, this function's
 * body becomes a call to it (summed per wave) and nothing else in the dashboard changes. Until
 * then it reads the `Decision` rows as they are: a selected dossier's granted amount.
 *
 * Public API: `GrantedAmounts`, `loadGrantedAmounts`.
 */
import type { RosterClient } from "@/lib/roster/establishment-indicators";

export type GrantedAmounts = { waveId: string; selected: number; grantedCents: bigint };

export async function loadGrantedAmounts(client: RosterClient, waveIds: readonly string[]): Promise<Map<string, GrantedAmounts>> {
  if (waveIds.length === 0) return new Map();
  const rows = await client.$queryRaw<Array<{ waveId: string; selected: number; grantedCents: bigint | null }>>`
    SELECT a."waveId", count(*)::int AS selected, sum(d."amountGrantedCents")::bigint AS "grantedCents"
    FROM "Decision" d JOIN "Application" a ON a.id = d."applicationId"
    WHERE d.outcome = 'SELECTED' AND a."waveId" = ANY(${[...waveIds]}::uuid[])
    GROUP BY a."waveId"`;
  return new Map(rows.map((row) => [row.waveId, { ...row, grantedCents: row.grantedCents ?? 0n }]));
}
