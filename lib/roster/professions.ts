import { db } from "@/lib/db/client";

/** The national nomenclature of professions the roster accepts, for pickers and filters. */
export function listProfessions(): Promise<Array<{ code: string; label: string }>> {
  return db.profession.findMany({ orderBy: { label: "asc" }, select: { code: true, label: true } });
}
