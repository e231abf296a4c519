import type { Db } from "@/lib/db/client";
import type { ReviewTiers } from "@/lib/db/generated/enums";
import { createOpenWave } from "./waves";

/** A wave closed an hour ago, ready for review: tiers, reviewers per dossier (k), anonymity, due dates. */
export async function createReviewWave(
  db: Db,
  options: { reviewTiers?: ReviewTiers; k?: number; anonymous?: boolean; regionalDueAt?: Date | null; nationalDueAt?: Date | null } = {},
) {
  const wave = await createOpenWave(db, { closesAt: new Date(Date.now() - 3_600_000) });
  await db.wave.update({
    where: { id: wave.waveId },
    data: {
      reviewTiers: options.reviewTiers ?? "NATIONAL_ONLY",
      reviewersPerDossier: options.k ?? 2,
      reviewersAnonymous: options.anonymous ?? false,
      regionalReviewDueAt: options.regionalDueAt ?? null,
      nationalReviewDueAt: options.nationalDueAt ?? null,
    },
  });
  return wave;
}

/** A score sheet with every criterion scored (optional ones « sans objet » when asked). */
export function completeSheet(
  criteria: ReadonlyArray<{ id: string; required: boolean; scaleMax: number }>,
  options: { notApplicable?: boolean; value?: number } = {},
) {
  return {
    overallComment: "Projet solide, calendrier réaliste.",
    scores: Object.fromEntries(
      criteria.map((criterion) => [
        criterion.id,
        options.notApplicable && !criterion.required
          ? { value: "", notApplicable: true, comment: "" }
          : { value: String(Math.min(options.value ?? 3, criterion.scaleMax)), notApplicable: false, comment: "Conforme." },
      ]),
    ),
  };
}
