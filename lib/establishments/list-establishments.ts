import { z } from "zod";
import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { establishmentSearchWhere } from "./search";
import { ZPageFilter, ZRegionFilter, ZSearchFilter } from "@/lib/http/list-filters";
import { usableLinkWhere } from "@/lib/identity/single-use-link";

export const ESTABLISHMENTS_PAGE_SIZE = 50;

/** The programme's establishment list filters, from the query string. */
export const ZEstablishmentFilters = z.object({
  region: ZRegionFilter,
  search: ZSearchFilter,
  page: ZPageFilter,
});
export type TEstablishmentFilters = z.infer<typeof ZEstablishmentFilters>;

function establishmentWhere(filters: TEstablishmentFilters): Prisma.EstablishmentWhereInput {
  return {
    ...(filters.region ? { regionCode: filters.region } : {}),
    ...(filters.search ? establishmentSearchWhere(filters.search) : {}),
  };
}

/**
 * One page of the programme's establishments, by name, for programme managers: those who have filed
 * and those registered who have not yet, with whether anyone can act for them (a member, or an
 * invitation still pending).
 */
export async function listEstablishments(viewer: Viewer, filters: TEstablishmentFilters, now = new Date()) {
  requirePermission(viewer, "establishment:read-any");
  const where = establishmentWhere(filters);
  const [total, rows] = await Promise.all([
    db.establishment.count({ where }),
    db.establishment.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (filters.page - 1) * ESTABLISHMENTS_PAGE_SIZE,
      take: ESTABLISHMENTS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        finessEt: true,
        city: true,
        regionCode: true,
        category: { select: { label: true } },
        _count: { select: { memberships: true, applications: true, invitations: { where: usableLinkWhere(now) } } },
      },
    }),
  ]);
  return { total, rows, pageCount: Math.max(1, Math.ceil(total / ESTABLISHMENTS_PAGE_SIZE)) };
}
