import { db } from "@/lib/db/client";

/**
 * The national nomenclature of professions the roster accepts, for pickers and filters, in French
 * alphabetical order (« Éducateur » among the E, « Médecin » before « Moniteur »): the database's
 * collation may sort by code point.
 */
export async function listProfessions(): Promise<Array<{ code: string; label: string }>> {
  const professions = await db.profession.findMany({ select: { code: true, label: true } });
  return professions.sort((a, b) => a.label.localeCompare(b.label, "fr"));
}

/**
 * Every profession's label by code, read once per process: the nomenclature is reference data
 * written by the migrations only (a restore replaces it in a fresh database, before the app
 * starts), so no write of the app can make it stale. A failed read is not kept: the next call asks again.
 */
let labelsByCode: Promise<ReadonlyMap<string, string>> | null = null;
function professionLabels(): Promise<ReadonlyMap<string, string>> {
  labelsByCode ??= db.profession.findMany({ select: { code: true, label: true } }).then(
    (rows) => new Map(rows.map((row) => [row.code, row.label])),
    (error: unknown) => {
      labelsByCode = null;
      throw error;
    },
  );
  return labelsByCode;
}

/** The labels of the profession codes a page shows (« 60 » → « Infirmier »); an unknown code is left out. */
export async function loadProfessionLabels(codes: Iterable<string>): Promise<Record<string, string>> {
  const labels = await professionLabels();
  const shown: Record<string, string> = {};
  for (const code of codes) {
    const label = labels.get(code);
    if (label !== undefined) shown[code] = label;
  }
  return shown;
}
