import { dossierReference } from "@/lib/applications/dossier-reference";
import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { trancheTotals } from "@/lib/follow-up/tranche-totals";
import { regionName } from "@/lib/establishments/territories";
import { boardRow, DECISION_BOARD_PAGE_SIZE, filterAndSort, rankByNote, type TDecisionBoardFilters } from "./board-rows";
import { loadDecisionSummaries } from "./load-decision-summaries";
import { grantedCents } from "./wave-lock";

/**
 * The decisions board of a wave: every scored dossier (« évalué », and those already decided) with
 * its aggregates, spread, flag and decisions, filtered, sorted and paginated in the server; the
 * envelope (live grants against the wave's), how many proposals wait for the release, and the
 * wave's decision settings.
 */
export async function getDecisionBoard(viewer: Viewer, waveId: string, filters: TDecisionBoardFilters) {
  requirePermission(viewer, "application:decide");
  const wave = await db.wave.findUnique({
    where: { id: waveId },
    select: {
      id: true,
      title: true,
      version: true,
      fundingEnvelopeCents: true,
      reviewTiers: true,
      spreadThreshold: true,
      rankingMode: true,
      regionalRankingWeight: true,
      letterSignatoryName: true,
      letterSignatoryTitle: true,
    },
  });
  if (!wave) throw new AppError("NOT_FOUND");
  const [dossiers, granted, staged, payments] = await Promise.all([
    db.application.findMany({
      where: { waveId, state: { in: ["SCORED", "SELECTED", "REJECTED"] } },
      select: {
        id: true,
        number: true,
        establishment: {
          select: { name: true, finessEt: true, regionCode: true, categoryCode: true, category: { select: { label: true } } },
        },
        budgetLines: { select: { amountCents: true } },
      },
    }),
    grantedCents(db, waveId),
    db.decision.count({ where: { waveId, releasedAt: null, supersededAt: null } }),
    trancheTotals(db, waveId),
  ]);
  const summaries = await loadDecisionSummaries(
    db,
    dossiers.map((dossier) => dossier.id),
  );
  const rows = dossiers.map((dossier) =>
    boardRow(
      {
        id: dossier.id,
        reference: dossierReference(dossier.number),
        establishment: dossier.establishment.name,
        finess: dossier.establishment.finessEt,
        regionCode: dossier.establishment.regionCode,
        region: regionName(dossier.establishment.regionCode),
        categoryCode: dossier.establishment.categoryCode,
        category: dossier.establishment.category.label,
        requestedCents: dossier.budgetLines.reduce((sum, line) => sum + line.amountCents, 0n).toString(),
      },
      summaries.get(dossier.id)!,
    ),
  );
  const filtered = filterAndSort(rows, filters);
  const pageCount = Math.max(1, Math.ceil(filtered.length / DECISION_BOARD_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  return {
    wave,
    envelope: { grantedCents: granted, envelopeCents: wave.fundingEnvelopeCents, payments },
    stagedCount: staged,
    total: rows.length,
    matching: filtered.length,
    page,
    pageCount,
    rows: filtered.slice((page - 1) * DECISION_BOARD_PAGE_SIZE, page * DECISION_BOARD_PAGE_SIZE),
    /** Every matching row, for the export (the board's filters and order). */
    allRows: filtered,
    /** Each dossier's rank by its note among all the wave's, whatever the filters. */
    ranks: rankByNote(rows),
    regions: [...new Map(rows.map((row) => [row.regionCode, row.region]))].sort((a, b) => a[1].localeCompare(b[1], "fr")),
    categories: [...new Map(rows.map((row) => [row.categoryCode, row.category]))].sort((a, b) => a[1].localeCompare(b[1], "fr")),
  };
}

export type DecisionBoard = Awaited<ReturnType<typeof getDecisionBoard>>;
