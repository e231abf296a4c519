import { db } from "@/lib/db/client";

/** FINESS categories, by sector then label: the choices of a wave's eligibility. */
export function listEstablishmentCategories() {
  return db.establishmentCategory.findMany({
    orderBy: [{ sector: "asc" }, { label: "asc" }],
    select: { code: true, label: true, sector: true },
  });
}
