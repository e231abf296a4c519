import { z } from "zod";
import { loadDossierCounts } from "@/lib/dashboard/dossier-counts";
import { db } from "@/lib/db/client";
import { ApplicationState } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { apiEndpoint } from "./endpoint";
import { WAVE_SELECT, waveBody, ZWave } from "./list-waves";
import { idParam } from "./schemas";

export const getWaveEndpoint = apiEndpoint({
  path: "/waves/{waveId}",
  operationId: "getWave",
  tag: "Vagues",
  summary: "Lire une vague",
  description: "Une vague, ses catégories d'établissements éligibles et le nombre de ses dossiers dans chaque état.",
  scope: "waves:read",
  params: { waveId: idParam("Identifiant de la vague") },
  query: z.strictObject({}),
  response: ZWave.extend({
    eligibleCategoryCodes: z.array(z.string()).meta({ description: "Codes des catégories FINESS éligibles" }),
    dossierCounts: z
      .record(z.enum(ApplicationState), z.int().min(0))
      .meta({ description: "Nombre de dossiers par état (brouillons compris)" }),
  }).meta({ id: "WaveDetail" }),
});

export async function getWave(waveId: string) {
  const wave = await db.wave.findUnique({
    where: { id: waveId },
    select: { ...WAVE_SELECT, eligibleCategories: { select: { categoryCode: true }, orderBy: { categoryCode: "asc" } } },
  });
  if (!wave) throw new AppError("NOT_FOUND");
  const counts = Object.fromEntries(Object.values(ApplicationState).map((state) => [state, 0])) as Record<ApplicationState, number>;
  for (const count of await loadDossierCounts(db, { vague: waveId })) counts[count.state] += count.count;
  const { eligibleCategories, ...row } = wave;
  return { ...waveBody(row), eligibleCategoryCodes: eligibleCategories.map((category) => category.categoryCode), dossierCounts: counts };
}
