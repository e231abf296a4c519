import { db } from "@/lib/db/client";

/** The national nomenclature's labels of the profession codes a page shows (« 60 » → « Infirmier »). */
export async function loadProfessionLabels(codes: Iterable<string>): Promise<Record<string, string>> {
  const rows = await db.profession.findMany({ where: { code: { in: [...codes] } }, select: { code: true, label: true } });
  return Object.fromEntries(rows.map((row) => [row.code, row.label]));
}
