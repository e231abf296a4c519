/**
 * Dossiers counted by state, decision released or not, region and category under the dashboard's
 * filters: one grouped query, small whatever the number of dossiers (states × regions ×
 * categories), from which the funnel and its breakdowns are added up in memory.
 *
 * Public API: `DossierCount`, `loadDossierCounts`.
 */
import { Prisma } from "@/lib/db/generated/client";
import type { ApplicationState } from "@/lib/db/generated/enums";
import { hasReleasedDecisionSql } from "@/lib/decisions/released-decision";
import type { RosterClient } from "@/lib/roster/establishment-indicators";
import { type DashboardScope, establishmentScope } from "./filters";

export type DossierCount = { state: ApplicationState; decided: boolean; regionCode: string; categoryCode: string; count: number };

export function loadDossierCounts(client: RosterClient, scope: DashboardScope): Promise<DossierCount[]> {
  const wave = scope.vague ? Prisma.sql`a."waveId" = ${scope.vague}::uuid` : Prisma.sql`TRUE`;
  return client.$queryRaw<DossierCount[]>`
    SELECT a.state::text AS state, ${hasReleasedDecisionSql(Prisma.raw("a.id"))} AS decided, e."regionCode", e."categoryCode",
      count(*)::int AS count
    FROM "Application" a
    JOIN "Establishment" e ON e.id = a."establishmentId"
    WHERE ${wave} AND ${establishmentScope(scope)}
    GROUP BY 1, 2, 3, 4`;
}
