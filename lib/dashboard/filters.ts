/**
 * The dashboard's filters, from the query string (`/pilotage?vague=…&region=…&categorie=…`):
 * anything malformed falls back to « no filter » instead of failing, like the dossier list.
 * The category filter takes a sector (ES / ESMS) or one FINESS category code.
 *
 * Public API: `ZDashboardFilters`, `TDashboardFilters`, `SECTOR_FILTERS`, `DashboardScope`, `dashboardScope`,
 * `establishmentScope`.
 */
import { z } from "zod";
import type { Sector } from "@/lib/db/generated/enums";
import { Prisma } from "@/lib/db/generated/client";
import { REGIONS } from "@/lib/establishments/territories";
import { MAP_FIGURE_KEYS } from "./map-figures";

export const SECTOR_FILTERS = { ES: "HEALTH", ESMS: "MEDICO_SOCIAL" } as const satisfies Record<string, Sector>;

export const ZDashboardFilters = z.object({
  vague: z.uuid().optional().catch(undefined),
  region: z
    .enum(Object.keys(REGIONS) as [string, ...string[]])
    .optional()
    .catch(undefined),
  categorie: z
    .union([z.enum(["ES", "ESMS"]), z.string().regex(/^\d{3}$/)])
    .optional()
    .catch(undefined),
  carte: z.enum(MAP_FIGURE_KEYS).catch("applied"),
});
export type TDashboardFilters = z.infer<typeof ZDashboardFilters>;

/**
 * The filters as the queries read them: the category filter resolved to the category codes it
 * stands for (a sector: its categories; undefined: no category filter). The codes are given to the
 * queries as values rather than found through a join to the categories: that small reference table
 * is never analysed (too few rows for autovacuum), and the planner, guessing a handful of
 * establishments per sector instead of tens of thousands, probed the dossiers establishment by
 * establishment (the ESMS filter took 370 ms for the review progress alone at national size).
 */
export type DashboardScope = { vague?: string; region?: string; categoryCodes?: readonly string[] };

export function dashboardScope(filters: TDashboardFilters, categories: ReadonlyArray<{ code: string; sector: Sector }>): DashboardScope {
  const { categorie } = filters;
  const categoryCodes =
    categorie === "ES" || categorie === "ESMS"
      ? categories.filter((category) => category.sector === SECTOR_FILTERS[categorie]).map((category) => category.code)
      : categorie
        ? [categorie]
        : undefined;
  return { vague: filters.vague, region: filters.region, categoryCodes };
}

type ScopeColumns = { region: Prisma.Sql; category: Prisma.Sql };

/**
 * The SQL condition of the region and category filters, on an establishment `e` unless other
 * columns are named: one fragment shared by every figure, so they all count the same
 * establishments.
 */
export function establishmentScope(
  scope: Pick<DashboardScope, "region" | "categoryCodes">,
  columns: ScopeColumns = { region: Prisma.raw(`e."regionCode"`), category: Prisma.raw(`e."categoryCode"`) },
): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (scope.region) conditions.push(Prisma.sql`${columns.region} = ${scope.region}`);
  if (scope.categoryCodes) conditions.push(Prisma.sql`${columns.category} = ANY(${[...scope.categoryCodes]}::text[])`);
  return Prisma.join(conditions, " AND ");
}
