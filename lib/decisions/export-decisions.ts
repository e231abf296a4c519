import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { toCsv } from "@/lib/export/csv";
import { toXlsx } from "@/lib/export/xlsx";
import { parisToday } from "@/lib/roster/dates";
import type { BoardRow, TDecisionBoardFilters } from "./board-rows";
import { getDecisionBoard } from "./get-decision-board";
import { OUTCOME_LABELS } from "./labels";
import { FILE_MIME_TYPES, type FileFormat } from "@/lib/export/file-format";
import { fileNameWords } from "@/lib/export/file-name";

const HEADER = [
  "Établissement",
  "Région",
  "Catégorie",
  "Montant demandé (€)",
  "Note brute (sur 100)",
  "Note normalisée (sur 100)",
  "Écart-type",
  "Étendue",
  "À discuter",
  "Évaluations ARS",
  "Évaluations ANS",
  "Décision publiée",
  "Montant publié (€)",
  "Proposition à publier",
  "Montant proposé (€)",
];

const euros = (cents: string | null | undefined) => (cents === null || cents === undefined ? null : Number(cents) / 100);
const rounded = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

function cells(row: BoardRow): Array<string | number | null> {
  return [
    row.establishment,
    row.region,
    row.category,
    euros(row.requestedCents),
    rounded(row.raw),
    rounded(row.normalised),
    rounded(row.standardDeviation),
    rounded(row.range),
    row.toDiscuss ? "Oui" : "Non",
    row.regionalReviews,
    row.nationalReviews,
    row.released ? OUTCOME_LABELS[row.released.outcome] : "",
    euros(row.released?.amountGrantedCents),
    row.staged ? OUTCOME_LABELS[row.staged.outcome] : "",
    euros(row.staged?.amountGrantedCents),
  ];
}

/** A CSV cell in French: « 12 500,5 » rather than a dot that a French spreadsheet reads as text. */
const frenchCell = (cell: string | number | null) =>
  typeof cell === "number" ? cell.toLocaleString("fr-FR", { maximumFractionDigits: 2, useGrouping: false }) : cell;

/**
 * The decisions board as a file, with its filters and order: CSV (French spreadsheets) or Excel,
 * every text cell safe against formula injection. Proposals not yet released are in it: the
 * export is the programme's, audited like every file that leaves the platform.
 */
export async function exportDecisions(
  viewer: Viewer,
  input: { waveId: string; filters: TDecisionBoardFilters; format: FileFormat; ip: string | null },
) {
  requirePermission(viewer, "programme:export");
  const board = await getDecisionBoard(viewer, input.waveId, input.filters);
  const rows = board.allRows.map(cells);
  const bytes =
    input.format === "csv"
      ? toCsv(
          HEADER,
          rows.map((row) => row.map(frenchCell)),
        )
      : await toXlsx("Décisions", HEADER, rows);
  await recordAudit(db, {
    actor: auditActor(viewer),
    action: "decisions.exported",
    target: { type: "Wave", id: input.waveId },
    ip: input.ip,
    details: { format: input.format, rows: rows.length },
  });
  return {
    bytes,
    fileName: `decisions-${fileNameWords(board.wave.title)}-${parisToday()}.${input.format}`,
    mimeType: FILE_MIME_TYPES[input.format],
  };
}
