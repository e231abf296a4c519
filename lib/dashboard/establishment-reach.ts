/**
 * How many establishments a wave reaches, per region: those of a category eligible to the wave
 * (the category rule of `lib/campaigns/eligibility.ts`: the wave lists the category), and among them
 * those that have a dossier in it. Without a wave filter, eligible to any wave and a dossier in any.
 *
 * The eligible categories are read first (a handful of codes) and given to the counts as values:
 * the planner then estimates the establishments from their own statistics and scans them once,
 * where a join through the small reference tables (never analysed: too few rows for autovacuum)
 * made it probe the establishments category by category, five times slower at national size.
 *
 * Public API: `RegionReach`, `loadEstablishmentReach`.
 */
import { Prisma } from "@/lib/db/generated/client";
import type { RosterClient } from "@/lib/roster/establishment-indicators";
import { type DashboardScope, establishmentScope } from "./filters";

export type RegionReach = { regionCode: string; eligible: number; applied: number };

export async function loadEstablishmentReach(client: RosterClient, scope: DashboardScope): Promise<RegionReach[]> {
  const categoryScope = establishmentScope(
    { categoryCodes: scope.categoryCodes },
    { region: Prisma.raw("NULL"), category: Prisma.raw(`w."categoryCode"`) },
  );
  const eligibleWave = scope.vague ? Prisma.sql`w."waveId" = ${scope.vague}::uuid` : Prisma.sql`TRUE`;
  const categories = await client.$queryRaw<Array<{ code: string }>>`
    SELECT DISTINCT w."categoryCode" AS code FROM "WaveEligibleCategory" w WHERE ${eligibleWave} AND ${categoryScope}`;
  if (categories.length === 0) return [];
  const codes = categories.map((category) => category.code);
  const region = scope.region ? Prisma.sql`e."regionCode" = ${scope.region}` : Prisma.sql`TRUE`;
  const dossierWave = scope.vague ? Prisma.sql`a."waveId" = ${scope.vague}::uuid` : Prisma.sql`TRUE`;
  const [eligible, applied] = await Promise.all([
    client.$queryRaw<Array<{ regionCode: string; count: number }>>`
      SELECT e."regionCode", count(*)::int AS count FROM "Establishment" e
      WHERE e."categoryCode" = ANY(${codes}::text[]) AND ${region} GROUP BY e."regionCode"`,
    client.$queryRaw<Array<{ regionCode: string; count: number }>>`
      SELECT e."regionCode", count(DISTINCT e.id)::int AS count FROM "Application" a JOIN "Establishment" e ON e.id = a."establishmentId"
      WHERE e."categoryCode" = ANY(${codes}::text[]) AND ${dossierWave} AND ${region} GROUP BY e."regionCode"`,
  ]);
  const appliedIn = new Map(applied.map((row) => [row.regionCode, row.count]));
  return eligible.map((row) => ({ regionCode: row.regionCode, eligible: row.count, applied: appliedIn.get(row.regionCode) ?? 0 }));
}
