/**
 * Each wave's funding envelope beside what was granted (`granted-amounts.ts`) and what the
 * submitted dossiers ask for. The envelope is national: the region and category filters do not
 * apply to it (the page says so).
 *
 * Public API: `WaveEnvelope`, `loadEnvelopes`.
 */
import { Prisma } from "@/lib/db/generated/client";
import type { RosterClient } from "@/lib/roster/establishment-indicators";
import type { DashboardScope } from "./filters";
import { loadGrantedAmounts } from "./granted-amounts";

export type WaveEnvelope = {
  waveId: string;
  title: string;
  availableCents: bigint;
  requestedCents: bigint;
  grantedCents: bigint;
  selected: number;
};

export async function loadEnvelopes(client: RosterClient, scope: Pick<DashboardScope, "vague">): Promise<WaveEnvelope[]> {
  const wave = scope.vague ? Prisma.sql`w.id = ${scope.vague}::uuid` : Prisma.sql`TRUE`;
  const dossierWave = scope.vague ? Prisma.sql`a."waveId" = ${scope.vague}::uuid` : Prisma.sql`TRUE`;
  // Summed per wave in one pass and joined, not as a subquery per wave: the waves table is never
  // analysed (too few rows for autovacuum), so the planner takes it for hundreds of waves, costs the
  // subquery as many times and JIT-compiles the statement (over 100 ms instead of about 10 at national size).
  const waves = await client.$queryRaw<Array<{ waveId: string; title: string; availableCents: bigint; requestedCents: bigint | null }>>`
    SELECT w.id AS "waveId", w.title, w."fundingEnvelopeCents" AS "availableCents", r."requestedCents"
    FROM "Wave" w
    LEFT JOIN (SELECT a."waveId", sum(b."amountCents")::bigint AS "requestedCents" FROM "BudgetLine" b JOIN "Application" a ON a.id = b."applicationId"
               WHERE a.state NOT IN ('DRAFT', 'WITHDRAWN') AND ${dossierWave} GROUP BY a."waveId") r ON r."waveId" = w.id
    WHERE ${wave} ORDER BY w."opensAt" DESC`;
  const granted = await loadGrantedAmounts(
    client,
    waves.map((row) => row.waveId),
  );
  return waves.map((row) => ({
    ...row,
    requestedCents: row.requestedCents ?? 0n,
    grantedCents: granted.get(row.waveId)?.grantedCents ?? 0n,
    selected: granted.get(row.waveId)?.selected ?? 0,
  }));
}
