/**
 * Dossiers counted by state, region and category under the dashboard's filters: one grouped query,
 * small whatever the number of dossiers (states × regions × categories), from which the funnel and
 * its breakdowns are added up in memory.
 *
 * Public API: `DossierCount`, `loadDossierCounts`.
 */
import { Prisma } from "@/lib/db/generated/client";
import type { ApplicationState } from "@/lib/db/generated/enums";
import type { RosterClient } from "@/lib/roster/establishment-indicators";
import { establishmentScope, type TDashboardFilters } from "./filters";

export type DossierCount = { state: ApplicationState; regionCode: string; categoryCode: string; count: number };

export function loadDossierCounts(client: RosterClient, filters: TDashboardFilters): Promise<DossierCount[]> {
  const wave = filters.vague ? Prisma.sql`a."waveId" = ${filters.vague}::uuid` : Prisma.sql`TRUE`;
  return client.$queryRaw<DossierCount[]>`
    SELECT a.state::text AS state, e."regionCode", e."categoryCode", count(*)::int AS count
    FROM "Application" a
    JOIN "Establishment" e ON e.id = a."establishmentId"
    JOIN "EstablishmentCategory" c ON c.code = e."categoryCode"
    WHERE ${wave} AND ${establishmentScope(filters)}
    GROUP BY a.state, e."regionCode", e."categoryCode"`;
}
