import { db } from "@/lib/db/client";

/** The national nomenclature of professions the roster accepts, for pickers and filters. */
export function listProfessions(): Promise<Array<{ code: string; label: string }>> {
  return db.profession.findMany({ orderBy: { label: "asc" }, select: { code: true, label: true } });
}

/** The labels of the profession codes a page shows (« 60 » → « Infirmier »). */
export async function loadProfessionLabels(codes: Iterable<string>): Promise<Record<string, string>> {
  const rows = await db.profession.findMany({ where: { code: { in: [...codes] } }, select: { code: true, label: true } });
  return Object.fromEntries(rows.map((row) => [row.code, row.label]));
}
