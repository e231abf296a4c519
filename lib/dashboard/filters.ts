/**
 * The dashboard's filters, from the query string (`/pilotage?vague=…&region=…&categorie=…`):
 * anything malformed falls back to « no filter » instead of failing, like the dossier list.
 * The category filter takes a sector (ES / ESMS) or one FINESS category code.
 *
 * Public API: `ZDashboardFilters`, `TDashboardFilters`, `SECTOR_FILTERS`, `establishmentScope`.
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

type ScopeColumns = { region: Prisma.Sql; category: Prisma.Sql; sector: Prisma.Sql };

/** An establishment `e` joined to its category `c`. */
const ESTABLISHMENT_COLUMNS: ScopeColumns = {
  region: Prisma.raw(`e."regionCode"`),
  category: Prisma.raw(`e."categoryCode"`),
  sector: Prisma.raw("c.sector"),
};

/**
 * The SQL condition of the region and category filters, on an establishment `e` joined to its
 * category `c` unless other columns are named: one fragment shared by every figure, so they all
 * count the same establishments.
 */
export function establishmentScope(
  filters: Pick<TDashboardFilters, "region" | "categorie">,
  columns: ScopeColumns = ESTABLISHMENT_COLUMNS,
): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.region) conditions.push(Prisma.sql`${columns.region} = ${filters.region}`);
  if (filters.categorie === "ES" || filters.categorie === "ESMS") {
    conditions.push(Prisma.sql`${columns.sector} = ${SECTOR_FILTERS[filters.categorie]}::"Sector"`);
  } else if (filters.categorie) {
    conditions.push(Prisma.sql`${columns.category} = ${filters.categorie}`);
  }
  return Prisma.join(conditions, " AND ");
}
