import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { type FigureColumn, type FigureTable, figureTableToCsv, figureTableToXlsx } from "@/lib/export/figure-table";
import { parisToday } from "@/lib/time/paris";
import { fileNameWords } from "@/lib/export/file-name";
import { findWaveTranches } from "./list-wave-tranches";
import { TRANCHE_LABELS } from "./tranches";
import { FILE_MIME_TYPES, type FileFormat } from "@/lib/export/file-format";

const COLUMNS: readonly FigureColumn[] = [
  { label: "Établissement", kind: "text" },
  { label: "FINESS établissement", kind: "text" },
  { label: "FINESS juridique", kind: "text" },
  { label: "SIRET", kind: "text" },
  { label: "Région", kind: "text" },
  { label: "Tranche", kind: "text" },
  { label: "Montant", kind: "euros" },
  { label: "Due depuis le", kind: "date" },
  { label: "Dossier", kind: "text" },
];

/**
 * The wave's tranches to order (due, not yet ordered) as a file for the paying agency: CSV for
 * French spreadsheets or Excel, every text cell safe against formula injection (lib/export),
 * amounts in euros with their cents. Audited like every file that leaves the platform.
 */
export async function exportTranchesToOrder(viewer: Viewer, input: { waveId: string; format: FileFormat; ip: string | null }) {
  requirePermission(viewer, "payment:record");
  requirePermission(viewer, "programme:export");
  const wave = await db.wave.findUnique({ where: { id: input.waveId }, select: { id: true, title: true } });
  if (!wave) throw new AppError("NOT_FOUND");
  const tranches = await findWaveTranches(input.waveId, { status: "DUE" });
  const table: FigureTable = {
    caption: "Tranches à ordonnancer",
    columns: COLUMNS,
    rows: tranches.map((tranche) => [
      tranche.establishment.name,
      tranche.establishment.finessEt,
      tranche.establishment.finessEj,
      tranche.establishment.siret,
      tranche.establishment.region,
      TRANCHE_LABELS[tranche.kind],
      tranche.amountCents,
      tranche.dueAt && parisToday(tranche.dueAt),
      tranche.reference,
    ]),
  };
  const bytes = input.format === "csv" ? figureTableToCsv(table) : await figureTableToXlsx(table, table.caption);
  await recordAudit(db, {
    actor: auditActor(viewer),
    action: "tranches.exported",
    target: { type: "Wave", id: input.waveId },
    ip: input.ip,
    details: {
      format: input.format,
      rows: table.rows.length,
      totalCents: tranches.reduce((sum, tranche) => sum + tranche.amountCents, 0n).toString(),
    },
  });
  return {
    bytes,
    fileName: `tranches-a-ordonnancer-${fileNameWords(wave.title)}-${parisToday()}.${input.format}`,
    mimeType: FILE_MIME_TYPES[input.format],
  };
}
