import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { toCsv } from "@/lib/export/csv";
import { toXlsx } from "@/lib/export/xlsx";
import { formatNumericCalendarDate, parisToday } from "@/lib/time/paris";
import { fileNameWords } from "@/lib/export/file-name";
import { findWaveTranches } from "./list-wave-tranches";
import { TRANCHE_LABELS } from "./tranches";
import { FILE_MIME_TYPES, type FileFormat } from "@/lib/export/file-format";

const HEADER = [
  "Établissement",
  "FINESS établissement",
  "FINESS juridique",
  "SIRET",
  "Région",
  "Tranche",
  "Montant (€)",
  "Due depuis le",
  "Dossier",
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
  const rows = tranches.map((tranche) => [
    tranche.establishment.name,
    tranche.establishment.finessEt,
    tranche.establishment.finessEj,
    tranche.establishment.siret,
    tranche.establishment.region,
    TRANCHE_LABELS[tranche.kind],
    Number(tranche.amountCents) / 100,
    tranche.dueAt && formatNumericCalendarDate(parisToday(tranche.dueAt)),
    tranche.applicationId,
  ]);
  const bytes =
    input.format === "csv"
      ? toCsv(
          HEADER,
          // « 1 250,5 » rather than a dot that a French spreadsheet reads as text.
          rows.map((row) => row.map((cell) => (typeof cell === "number" ? cell.toFixed(2).replace(".", ",") : cell))),
        )
      : await toXlsx("Tranches à ordonnancer", HEADER, rows);
  await recordAudit(db, {
    actor: auditActor(viewer),
    action: "tranches.exported",
    target: { type: "Wave", id: input.waveId },
    ip: input.ip,
    details: {
      format: input.format,
      rows: rows.length,
      totalCents: tranches.reduce((sum, tranche) => sum + tranche.amountCents, 0n).toString(),
    },
  });
  return {
    bytes,
    fileName: `tranches-a-ordonnancer-${fileNameWords(wave.title)}-${parisToday()}.${input.format}`,
    mimeType: FILE_MIME_TYPES[input.format],
  };
}
