/**
 * What the released decisions granted, per wave (ADR 0013: a decision counts once released and
 * until a later one supersedes it; staged proposals are the decisions board's business). One
 * grouped query rather than `loadDecisionSummaries`, which also normalises every review of the
 * wave: the dashboard needs only the sums, at 5,000 dossiers a wave.
 *
 * Public API: `GrantedAmounts`, `loadGrantedAmounts`.
 */
import type { RosterClient } from "@/lib/roster/establishment-indicators";

export type GrantedAmounts = { waveId: string; selected: number; grantedCents: bigint };

export async function loadGrantedAmounts(client: RosterClient, waveIds: readonly string[]): Promise<Map<string, GrantedAmounts>> {
  if (waveIds.length === 0) return new Map();
  const rows = await client.$queryRaw<Array<{ waveId: string; selected: number; grantedCents: bigint | null }>>`
    SELECT d."waveId", count(*)::int AS selected, sum(d."amountGrantedCents")::bigint AS "grantedCents"
    FROM "Decision" d
    WHERE d.outcome = 'SELECTED' AND d."releasedAt" IS NOT NULL AND d."supersededAt" IS NULL
      AND d."waveId" = ANY(${[...waveIds]}::uuid[])
    GROUP BY d."waveId"`;
  return new Map(rows.map((row) => [row.waveId, { ...row, grantedCents: row.grantedCents ?? 0n }]));
}
