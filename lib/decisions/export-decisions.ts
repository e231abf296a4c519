import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { type FigureCell, type FigureColumn, type FigureTable, figureTableToCsv, figureTableToXlsx } from "@/lib/export/figure-table";
import { parisToday } from "@/lib/roster/dates";
import type { BoardRow, TDecisionBoardFilters } from "./board-rows";
import { getDecisionBoard } from "./get-decision-board";
import { OUTCOME_LABELS } from "./labels";
import { FILE_MIME_TYPES, type FileFormat } from "@/lib/export/file-format";
import { fileNameWords } from "@/lib/export/file-name";

const COLUMNS: readonly FigureColumn[] = [
  { label: "Rang (note normalisée)", kind: "integer" },
  { label: "Référence", kind: "text" },
  { label: "Établissement", kind: "text" },
  { label: "FINESS", kind: "text" },
  { label: "Région", kind: "text" },
  { label: "Catégorie", kind: "text" },
  { label: "Montant demandé", kind: "euros" },
  { label: "Note brute (sur 100)", kind: "decimal" },
  { label: "Note normalisée (sur 100)", kind: "decimal" },
  { label: "Écart-type", kind: "decimal" },
  { label: "Étendue", kind: "decimal" },
  { label: "À discuter", kind: "text" },
  { label: "Évaluations ARS", kind: "integer" },
  { label: "Évaluations ANS", kind: "integer" },
  { label: "Décision publiée", kind: "text" },
  { label: "Montant publié", kind: "euros" },
  { label: "Décision publiée le", kind: "date" },
  { label: "Proposition à publier", kind: "text" },
  { label: "Montant proposé", kind: "euros" },
];

/** The board's amounts travel as strings of cents (they reach the browser); none is a figure. */
const cents = (amount: string | null | undefined) => (amount === null || amount === undefined ? null : BigInt(amount));

/** `rank`: the dossier's rank by its note in the whole wave, whatever the board's order and filters. */
function cells(row: BoardRow, rank: number | null): FigureCell[] {
  return [
    rank,
    row.reference,
    row.establishment,
    row.finess,
    row.region,
    row.category,
    cents(row.requestedCents),
    row.raw,
    row.normalised,
    row.standardDeviation,
    row.range,
    row.toDiscuss ? "Oui" : "Non",
    row.regionalReviews,
    row.nationalReviews,
    row.released ? OUTCOME_LABELS[row.released.outcome] : "",
    cents(row.released?.amountGrantedCents),
    row.released?.releasedOn ?? null,
    row.staged ? OUTCOME_LABELS[row.staged.outcome] : "",
    cents(row.staged?.amountGrantedCents),
  ];
}

/**
 * The decisions board as a file, with its filters and order: CSV (French spreadsheets) or Excel
 * with numbers as numbers, every text cell safe against formula injection. Proposals not yet released are in it: the
 * export is the programme's, audited like every file that leaves the platform.
 */
export async function exportDecisions(
  viewer: Viewer,
  input: { waveId: string; filters: TDecisionBoardFilters; format: FileFormat; ip: string | null },
) {
  requirePermission(viewer, "programme:export");
  const board = await getDecisionBoard(viewer, input.waveId, input.filters);
  const table: FigureTable = {
    caption: "Décisions",
    columns: COLUMNS,
    rows: board.allRows.map((row) => cells(row, board.ranks.get(row.id) ?? null)),
  };
  const bytes = input.format === "csv" ? figureTableToCsv(table) : await figureTableToXlsx(table, table.caption);
  await recordAudit(db, {
    actor: auditActor(viewer),
    action: "decisions.exported",
    target: { type: "Wave", id: input.waveId },
    ip: input.ip,
    // Which rows left: the board's filters, without its page (the file holds every page).
    details: { format: input.format, rows: table.rows.length, filters: { ...input.filters, page: undefined } },
  });
  return {
    bytes,
    fileName: `decisions-${fileNameWords(board.wave.title)}-${parisToday()}.${input.format}`,
    mimeType: FILE_MIME_TYPES[input.format],
  };
}
