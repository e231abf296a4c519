import { z } from "zod";
import { db } from "@/lib/db/client";
import { loadDecisionSummaries } from "@/lib/decisions/load-decision-summaries";
import { AppError } from "@/lib/errors/app-error";
import { indicatorsFromSnapshot } from "@/lib/roster/snapshots";
import { apiEndpoint } from "./endpoint";
import { DOSSIER_SELECT, dossierBody, ZDossier } from "./list-dossiers";
import { idParam, indicatorsBody, ZIndicators } from "./schemas";

const ZScore = z.number().min(0).max(100).nullable();

const ZReviewAggregate = z
  .object({
    raw: ZScore.meta({ description: "Agrégat de classement sur 100, des totaux bruts ; null sans évaluation remise" }),
    normalised: ZScore.meta({ description: "Le même, des totaux normalisés par instructeur" }),
    spread: z
      .object({
        count: z.int().min(0),
        mean: z.number(),
        median: z.number(),
        standardDeviation: z.number(),
        range: z.number(),
        min: z.number(),
        max: z.number(),
      })
      .nullable()
      .meta({ description: "Dispersion des totaux des instructeurs, sur 100" }),
    toDiscuss: z.boolean().meta({ description: "Écart entre instructeurs au-delà du seuil de la vague : « à discuter »" }),
    reviewsPerTier: z
      .object({ REGIONAL: z.int().min(0), NATIONAL: z.int().min(0) })
      .meta({ description: "Évaluations remises par niveau" }),
  })
  .meta({ id: "ReviewAggregate" });

export const getDossierEndpoint = apiEndpoint({
  path: "/dossiers/{dossierId}",
  operationId: "getDossier",
  tag: "Dossiers",
  summary: "Lire un dossier",
  description:
    "Un dossier : son état, les indicateurs de l'établissement figés à son dépôt, les agrégats de son instruction et sa décision publiée.",
  scope: "dossiers:read",
  params: { dossierId: idParam("Identifiant du dossier") },
  query: z.strictObject({}),
  response: ZDossier.extend({
    frozenIndicators: ZIndicators.nullable().meta({ description: "Les indicateurs figés au dernier dépôt ; null pour un brouillon" }),
    review: ZReviewAggregate,
  }).meta({ id: "DossierDetail" }),
});

export async function getDossier(dossierId: string) {
  const [row, frozen, summaries] = await Promise.all([
    db.application.findUnique({ where: { id: dossierId }, select: DOSSIER_SELECT }),
    db.indicatorSnapshot.findFirst({
      where: { applicationId: dossierId, reason: "SUBMISSION" },
      orderBy: { takenAt: "desc" },
      select: { takenAt: true, active: true, registered: true, substantialId: true, rieCompliant: true, dmpReady: true, breakdown: true },
    }),
    loadDecisionSummaries(db, [dossierId]),
  ]);
  // Keyed by the id as the database writes it (lower case), whatever the case of the one asked.
  const summary = row ? summaries.get(row.id) : undefined;
  if (!row || !summary) throw new AppError("NOT_FOUND");
  return {
    ...dossierBody(row),
    frozenIndicators: frozen ? indicatorsBody(indicatorsFromSnapshot(frozen), frozen.takenAt) : null,
    review: {
      raw: summary.raw,
      normalised: summary.normalised,
      spread: summary.spread,
      toDiscuss: summary.toDiscuss,
      reviewsPerTier: summary.reviewsPerTier,
    },
  };
}
