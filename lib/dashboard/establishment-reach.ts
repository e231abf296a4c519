/**
 * How many establishments a wave reaches, per region: those of a category eligible to the wave
 * (the category rule of `lib/campaigns/eligibility.ts`: the wave lists the category), and among them
 * those that have a dossier in it. Without a wave filter, eligible to any wave and a dossier in any.
 *
 * Public API: `RegionReach`, `loadEstablishmentReach`.
 */
import { Prisma } from "@/lib/db/generated/client";
import type { RosterClient } from "@/lib/roster/establishment-indicators";
import { establishmentScope, type TDashboardFilters } from "./filters";

export type RegionReach = { regionCode: string; eligible: number; applied: number };

export function loadEstablishmentReach(client: RosterClient, filters: TDashboardFilters): Promise<RegionReach[]> {
  const eligibleWave = filters.vague ? Prisma.sql`w."waveId" = ${filters.vague}::uuid` : Prisma.sql`TRUE`;
  const dossierWave = filters.vague ? Prisma.sql`AND a."waveId" = ${filters.vague}::uuid` : Prisma.empty;
  return client.$queryRaw<RegionReach[]>`
    SELECT e."regionCode", count(*)::int AS eligible,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Application" a WHERE a."establishmentId" = e.id ${dossierWave}))::int AS applied
    FROM "Establishment" e
    JOIN "EstablishmentCategory" c ON c.code = e."categoryCode"
    WHERE e."categoryCode" IN (SELECT w."categoryCode" FROM "WaveEligibleCategory" w WHERE ${eligibleWave})
      AND ${establishmentScope(filters)}
    GROUP BY e."regionCode"`;
}
