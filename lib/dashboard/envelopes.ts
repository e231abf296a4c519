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
  const waves = await client.$queryRaw<Array<{ waveId: string; title: string; availableCents: bigint; requestedCents: bigint | null }>>`
    SELECT w.id AS "waveId", w.title, w."fundingEnvelopeCents" AS "availableCents",
           (SELECT sum(b."amountCents") FROM "BudgetLine" b JOIN "Application" a ON a.id = b."applicationId"
            WHERE a."waveId" = w.id AND a.state NOT IN ('DRAFT', 'WITHDRAWN'))::bigint AS "requestedCents"
    FROM "Wave" w WHERE ${wave} ORDER BY w."opensAt" DESC`;
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
