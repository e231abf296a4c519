import { z } from "zod";
import { ZPageFilter, ZRegionFilter, ZSearchFilter } from "@/lib/http/list-filters";
import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { establishmentSearchWhere } from "@/lib/establishments/search";
import { dossierNumberSearched } from "./dossier-reference";
import { ApplicationState, type Prisma } from "@/lib/db/generated/client";

export const DOSSIERS_PAGE_SIZE = 25;

export const DOSSIER_SORTS = {
  recent: { updatedAt: "desc" },
  establishment: { establishment: { name: "asc" } },
  state: { state: "asc" },
} as const satisfies Record<string, Prisma.ApplicationOrderByWithRelationInput>;

/** The programme's dossier list filters, from the query string. */
export const ZDossierFilters = z.object({
  wave: z.uuid().optional().catch(undefined),
  state: z.enum(ApplicationState).optional().catch(undefined),
  region: ZRegionFilter,
  search: ZSearchFilter,
  sort: z.enum(Object.keys(DOSSIER_SORTS) as [keyof typeof DOSSIER_SORTS]).catch("recent"),
  page: ZPageFilter,
});
export type TDossierFilters = z.infer<typeof ZDossierFilters>;

/** A search reads as a dossier's reference (« HC-00042 ») when it is one, otherwise as an establishment's name or FINESS. */
export function dossierWhere(filters: TDossierFilters): Prisma.ApplicationWhereInput {
  const number = filters.search ? dossierNumberSearched(filters.search) : null;
  const establishmentSearch = number === null ? filters.search : undefined;
  return {
    ...(filters.wave ? { waveId: filters.wave } : {}),
    ...(filters.state ? { state: filters.state } : {}),
    ...(number !== null ? { number } : {}),
    ...(filters.region || establishmentSearch
      ? {
          establishment: {
            ...(filters.region ? { regionCode: filters.region } : {}),
            ...(establishmentSearch ? establishmentSearchWhere(establishmentSearch) : {}),
          },
        }
      : {}),
  };
}

/** What a row of the list shows (the export adds its own columns to it): nothing more is read (ADR 0028). */
export const DOSSIER_ROW_SELECT = {
  id: true,
  number: true,
  state: true,
  establishment: { select: { name: true, finessEt: true, regionCode: true, category: { select: { label: true } } } },
  wave: { select: { title: true } },
  submissions: { orderBy: { receivedAt: "desc" }, take: 1, select: { receivedAt: true } },
  budgetLines: { select: { amountCents: true } },
} as const satisfies Prisma.ApplicationSelect;

/**
 * One page of every dossier of the programme, for programme managers. The page's ids are chosen
 * first and its rows read for those ids only: in one statement PostgreSQL would build every
 * matching dossier's related rows (establishment, budget, decision…) before sorting and cutting the
 * page, hundreds of them for a region's dossiers at national size.
 */
export async function listDossiers(viewer: Viewer, filters: TDossierFilters) {
  requirePermission(viewer, "establishment:read-any");
  const where = dossierWhere(filters);
  const [total, page, waves] = await Promise.all([
    db.application.count({ where }),
    db.application.findMany({
      where,
      orderBy: [DOSSIER_SORTS[filters.sort], { id: "asc" }],
      skip: (filters.page - 1) * DOSSIERS_PAGE_SIZE,
      take: DOSSIERS_PAGE_SIZE,
      select: { id: true },
    }),
    db.wave.findMany({ orderBy: { opensAt: "desc" }, select: { id: true, title: true } }),
  ]);
  const found = await db.application.findMany({ where: { id: { in: page.map((row) => row.id) } }, select: DOSSIER_ROW_SELECT });
  const rowOf = new Map(found.map((row) => [row.id, row]));
  // In the page's order; a dossier deleted between the two reads is left out.
  const rows = page.flatMap((row) => rowOf.get(row.id) ?? []);
  return { total, rows, waves, pageCount: Math.max(1, Math.ceil(total / DOSSIERS_PAGE_SIZE)) };
}
