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
import { type DashboardScope, establishmentScope } from "./filters";
import type { Month } from "./months";
import type { RolloutCounts } from "./rollout-counts";

export type RolloutFigures = {
  curve: Array<RolloutCounts & { month: Month }>;
  byRegion: Array<RolloutCounts & { regionCode: string }>;
  byCategory: Array<RolloutCounts & { categoryCode: string }>;
  /** When the latest month was computed (null before the first run). */
  computedAt: Date | null;
};

type Grouped = RolloutCounts & { month: string; regionCode: string | null; categoryCode: string | null; level: number; computedAt: Date };

/**
 * One statement for the three readings: the curve (per month), and per region and per category for
 * the latest month (`level` tells the grouping apart: 3 = per month only, 1 = per region, 2 = per
 * category).
 */
export async function loadRolloutFigures(client: RosterClient, scope: DashboardScope): Promise<RolloutFigures> {
  const where = establishmentScope(scope, { region: Prisma.raw(`f."regionCode"`), category: Prisma.raw(`f."categoryCode"`) });
  const wave = scope.vague
    ? Prisma.sql`AND f."categoryCode" IN (SELECT "categoryCode" FROM "WaveEligibleCategory" WHERE "waveId" = ${scope.vague}::uuid)`
    : Prisma.empty;
  const rows = await client.$queryRaw<Grouped[]>`
    SELECT to_char(f.month, 'YYYY-MM') AS month, f."regionCode", f."categoryCode", GROUPING(f."regionCode", f."categoryCode")::int AS level,
           sum(f.establishments)::int AS establishments, sum(f.active)::int AS active, sum(f.registered)::int AS registered,
           sum(f."substantialId")::int AS "substantialId", sum(f."rieCompliant")::int AS "rieCompliant", sum(f."dmpReady")::int AS "dmpReady",
           max(f."computedAt") AS "computedAt"
    FROM "RolloutFigure" f
    WHERE ${where} ${wave}
    GROUP BY GROUPING SETS ((f.month), (f.month, f."regionCode"), (f.month, f."categoryCode"))
    HAVING GROUPING(f."regionCode", f."categoryCode") = 3 OR f.month = (SELECT max(month) FROM "RolloutFigure")
    ORDER BY f.month`;
  const counts = ({ establishments, active, registered, substantialId, rieCompliant, dmpReady }: Grouped): RolloutCounts => ({
    establishments,
    active,
    registered,
    substantialId,
    rieCompliant,
    dmpReady,
  });
  const curve = rows.filter((row) => row.level === 3);
  return {
    curve: curve.map((row) => ({ month: row.month as Month, ...counts(row) })),
    byRegion: rows.filter((row) => row.level === 1).map((row) => ({ regionCode: row.regionCode!, ...counts(row) })),
    byCategory: rows.filter((row) => row.level === 2).map((row) => ({ categoryCode: row.categoryCode!, ...counts(row) })),
    computedAt: curve.at(-1)?.computedAt ?? null,
  };
}
