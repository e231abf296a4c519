/**
 * SEAM (issue 11): what the decisions granted, per wave. The decisions feature is being rebuilt on
 * its own branch and exports `loadDecisionSummaries(db, applicationIds)` (each dossier's released
 * and staged decision); once it lands, this function's body sums its `released` SELECTED amounts
 * per wave, or, to stay one grouped query at 5,000 dossiers a wave (the summaries also normalise
 * every review of the wave), keeps this query with the rebuilt table's columns (a decision counts
 * once released and not superseded). Nothing else in the dashboard changes. Until then it reads
 * the `Decision` rows as they are: a selected dossier's granted amount.
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
