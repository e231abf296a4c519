/**
 * The programme's dossiers as a file (CSV or XLSX), with the list page's filters and order,
 * streamed: the list's ids are read once, then its rows in pages of `EXPORT_BATCH`, written out
 * as they come, so tens of thousands of dossiers leave without holding them all in memory. Columns:
 * `dossier-export-columns.ts`.
 *
 * Up to the background threshold (`lib/exports/threshold.ts`) the file is downloaded at once
 * (`exportDossiers`, audited when it starts); above it, the request becomes a background export
 * (`lib/exports/request-export.ts`) that writes the same table to the file storage.
 *
 * Public API: `ZDossierExport`, `dossierExportTable`, `countDossiers`, `exportDossiers`,
 * `EXPORT_BATCH`, `waveTitleOf` (the file's name: `dossier-filter-words.ts`).
 */
import { z } from "zod";
import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import type { TieredReview } from "@/lib/decisions/aggregation";
import { countedReviews, decisionSettingsOf } from "@/lib/decisions/wave-scoring";
import { AppError } from "@/lib/errors/app-error";
import type { FigureCell, FigureColumn } from "@/lib/export/figure-table";
import { pagesOfIds } from "@/lib/export/id-pages";
import { streamTable } from "@/lib/export/stream-table";
import { env } from "@/lib/config/env";
import { exportMode } from "@/lib/exports/threshold";
import type { SheetCriterion } from "@/lib/review/score-sheet";
import {
  DOSSIER_EXPORT_SELECT,
  dossierExportCells,
  dossierExportColumns,
  type ExportObjective,
  type ScoringOf,
} from "./dossier-export-columns";
import { dossierExportFileName } from "./dossier-filter-words";
import { DOSSIER_SORTS, dossierWhere, type TDossierFilters, ZDossierFilters } from "./list-dossiers";
import { FILE_MIME_TYPES, ZFileFormat } from "@/lib/export/file-format";

export const EXPORT_BATCH = 1_000;

export const ZDossierExport = ZDossierFilters.extend({ format: ZFileFormat });
export type TDossierExport = z.infer<typeof ZDossierExport>;

/** The title of the filtered wave, if any, for the export's file name. */
export async function waveTitleOf(filters: Pick<TDossierFilters, "wave">): Promise<string | null> {
  if (!filters.wave) return null;
  return (await db.wave.findUnique({ where: { id: filters.wave }, select: { title: true } }))?.title ?? null;
}

export function countDossiers(filters: TDossierFilters): Promise<number> {
  return db.application.count({ where: dossierWhere(filters) });
}

/**
 * What the columns need before the first row: the objectives of the wave versions in scope (by
 * code, in the grid's order), their criteria and the waves' decision settings. A few small queries.
 */
async function loadExportContext(filters: TDossierFilters): Promise<{ objectives: ExportObjective[]; scoring: ScoringOf }> {
  const versions = filters.wave ? { waveId: filters.wave } : {};
  const [objectives, criteria, waves] = await Promise.all([
    db.objective.findMany({
      where: { waveVersion: versions },
      orderBy: [{ position: "asc" }, { code: "asc" }],
      select: { code: true, title: true },
    }),
    db.criterion.findMany({
      where: { waveVersion: versions },
      orderBy: { position: "asc" },
      select: { id: true, waveVersionId: true, code: true, label: true, weight: true, scaleMin: true, scaleMax: true, required: true },
    }),
    db.wave.findMany({
      where: filters.wave ? { id: filters.wave } : {},
      select: { id: true, rankingMode: true, regionalRankingWeight: true, spreadThreshold: true },
    }),
  ]);
  const criteriaOf = new Map<string, SheetCriterion[]>();
  for (const criterion of criteria)
    criteriaOf.set(criterion.waveVersionId, [...(criteriaOf.get(criterion.waveVersionId) ?? []), criterion]);
  const settings = new Map(waves.map((wave) => [wave.id, decisionSettingsOf(wave)]));
  return {
    objectives: [...new Map(objectives.map((objective) => [objective.code, objective])).values()],
    scoring: {
      criteria: (waveVersionId) => criteriaOf.get(waveVersionId) ?? [],
      settings: (waveId) =>
        settings.get(waveId) ?? decisionSettingsOf({ rankingMode: "NATIONAL_ONLY", regionalRankingWeight: 0, spreadThreshold: 15 }),
    },
  };
}

/** The counted reviews of a page of dossiers, by dossier, with only what their totals need. */
async function reviewsOf(applicationIds: string[]): Promise<Map<string, TieredReview[]>> {
  const reviews = await db.review.findMany({
    where: countedReviews({ applicationId: { in: applicationIds } }),
    select: {
      id: true,
      assignment: { select: { applicationId: true, reviewerId: true, tier: true } },
      scores: { select: { criterionId: true, value: true, notApplicable: true } },
    },
  });
  const byDossier = new Map<string, TieredReview[]>();
  for (const review of reviews) {
    const tiered: TieredReview = {
      reviewId: review.id,
      reviewerId: review.assignment.reviewerId,
      tier: review.assignment.tier,
      scores: review.scores,
    };
    byDossier.set(review.assignment.applicationId, [...(byDossier.get(review.assignment.applicationId) ?? []), tiered]);
  }
  return byDossier;
}

/**
 * The dossiers in the list's order, a page at a time, from their ids read once when the first page
 * is asked for (`pagesOfIds`): the order moves while the file is written (« recent » sorts by the
 * last change, « state » by the state).
 */
async function* dossierPages(
  filters: TDossierFilters,
  objectives: readonly ExportObjective[],
  scoring: ScoringOf,
  batch: number,
): AsyncGenerator<FigureCell[][]> {
  const order = await db.application.findMany({
    where: dossierWhere(filters),
    orderBy: [DOSSIER_SORTS[filters.sort], { id: "asc" }],
    select: { id: true },
  });
  const pages = pagesOfIds(
    order.map((row) => row.id),
    batch,
    (ids) => db.application.findMany({ where: { id: { in: ids } }, select: DOSSIER_EXPORT_SELECT }),
  );
  for await (const rows of pages) {
    const reviews = await reviewsOf(rows.map((row) => row.id));
    yield rows.map((row) => dossierExportCells(row, reviews.get(row.id) ?? [], objectives, scoring));
  }
}

/** The export's columns and its rows as pages (nothing is read past the context until the pages are iterated). */
export async function dossierExportTable(
  filters: TDossierFilters,
  batch = EXPORT_BATCH,
): Promise<{ columns: FigureColumn[]; pages: AsyncGenerator<FigureCell[][]> }> {
  const { objectives, scoring } = await loadExportContext(filters);
  return { columns: dossierExportColumns(objectives), pages: dossierPages(filters, objectives, scoring, batch) };
}

/** The direct download, for an export under the background threshold. */
export async function exportDossiers(viewer: Viewer, input: TDossierExport & { ip: string | null; threshold?: number }) {
  requirePermission(viewer, "programme:export");
  const { format, ip, threshold = env.EXPORT_BACKGROUND_THRESHOLD, ...filters } = input;
  const total = await countDossiers(filters);
  if (exportMode(total, threshold) === "background")
    throw new AppError(
      "INVALID_STATE",
      "Cet export est trop volumineux pour un téléchargement immédiat : lancez-le en arrière-plan depuis la liste des dossiers.",
    );
  await recordAudit(db, {
    actor: auditActor(viewer),
    action: "dossiers.exported",
    ip,
    details: { format, rows: total, filters: { ...filters, page: undefined } },
  });
  const table = await dossierExportTable(filters);
  return {
    stream: streamTable(format, table.columns, table.pages, "Dossiers"),
    fileName: dossierExportFileName(format, filters, await waveTitleOf(filters)),
    mimeType: FILE_MIME_TYPES[format],
  };
}
