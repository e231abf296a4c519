/**
 * The rollout read from `RolloutFigure` (kept by `refresh-rollout-figures.ts`) under the region
 * and category filters: the curve month by month, and the latest month per region and per
 * category. A wave filter narrows the establishments to the wave's eligible categories: the
 * rollout of the population the wave is for.
 *
 * Public API: `RolloutFigures`, `loadRolloutFigures`.
 */
import { Prisma } from "@/lib/db/generated/client";
import type { RosterClient } from "@/lib/roster/establishment-indicators";
import { establishmentScope, type TDashboardFilters } from "./filters";
import type { Month } from "./months";
import type { RolloutCounts } from "./rollout-counts";

export type RolloutFigures = {
  curve: Array<RolloutCounts & { month: Month }>;
  byRegion: Array<RolloutCounts & { regionCode: string }>;
  byCategory: Array<RolloutCounts & { categoryCode: string }>;
  /** When the latest month was computed (null before the first run). */
  computedAt: Date | null;
};

const SUMS = Prisma.sql`sum(f.establishments)::int AS establishments, sum(f.active)::int AS active, sum(f.registered)::int AS registered,
  sum(f."substantialId")::int AS "substantialId", sum(f."rieCompliant")::int AS "rieCompliant", sum(f."dmpReady")::int AS "dmpReady"`;

export async function loadRolloutFigures(client: RosterClient, filters: TDashboardFilters): Promise<RolloutFigures> {
  const scope = establishmentScope(filters, { region: Prisma.raw(`f."regionCode"`), category: Prisma.raw(`f."categoryCode"`), sector: Prisma.raw("c.sector") });
  const wave = filters.vague
    ? Prisma.sql`AND f."categoryCode" IN (SELECT "categoryCode" FROM "WaveEligibleCategory" WHERE "waveId" = ${filters.vague}::uuid)`
    : Prisma.empty;
  const from = Prisma.sql`FROM "RolloutFigure" f JOIN "EstablishmentCategory" c ON c.code = f."categoryCode" WHERE ${scope} ${wave}`;
  const latest = Prisma.sql`AND f.month = (SELECT max(month) FROM "RolloutFigure")`;
  const [curve, byRegion, byCategory, computed] = await Promise.all([
    client.$queryRaw<Array<RolloutCounts & { month: string }>>`SELECT to_char(f.month, 'YYYY-MM') AS month, ${SUMS} ${from} GROUP BY f.month ORDER BY f.month`,
    client.$queryRaw<Array<RolloutCounts & { regionCode: string }>>`SELECT f."regionCode", ${SUMS} ${from} ${latest} GROUP BY f."regionCode"`,
    client.$queryRaw<Array<RolloutCounts & { categoryCode: string }>>`SELECT f."categoryCode", ${SUMS} ${from} ${latest} GROUP BY f."categoryCode"`,
    client.$queryRaw<Array<{ at: Date | null }>>`SELECT max("computedAt") AS at FROM "RolloutFigure" WHERE month = (SELECT max(month) FROM "RolloutFigure")`,
  ]);
  return { curve: curve.map((row) => ({ ...row, month: row.month as Month })), byRegion, byCategory, computedAt: computed[0]?.at ?? null };
}
