/**
 * Every reading of an establishment's indicators as a file (CSV or XLSX): the whole history behind
 * the rollout curve, which the page only samples (`rollout-periods.ts`). Figures only, no personal
 * data; audited like every export. Whoever may read the establishment may download it.
 *
 * Public API: `ZIndicatorHistoryDownload`, `indicatorHistoryTable`, `exportIndicatorHistory`.
 */
import { z } from "zod";
import { authorizeEstablishment } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { figureTableToCsv, figureTableToXlsx, type FigureTable } from "@/lib/export/figure-table";
import { parisToday } from "./dates";
import { SNAPSHOT_REASON_LABELS } from "./labels";
import { listAllIndicatorSnapshots, type RolloutReading } from "./snapshots";
import { FILE_MIME_TYPES, type FileFormat, ZFileFormat } from "@/lib/export/file-format";

export const ZIndicatorHistoryDownload = z.object({ format: ZFileFormat });

const SHARES = [
  ["registered", "Enregistrés au RPPS"],
  ["substantialId", "Identité substantielle"],
  ["rieCompliant", "MIE conforme au RIE"],
  ["dmpReady", "Accès au DMP"],
] as const;

/** The readings as a table: each share as its count and its percentage of the active professionals. */
export function indicatorHistoryTable(readings: readonly RolloutReading[]): FigureTable {
  return {
    caption: "Relevés des indicateurs",
    columns: [
      { label: "Relevé (heure de Paris)", kind: "datetime" },
      { label: "Occasion", kind: "text" },
      { label: "En activité", kind: "integer" },
      ...SHARES.flatMap(([, label]) => [
        { label, kind: "integer" as const },
        { label, kind: "share" as const },
      ]),
    ],
    rows: readings.map((reading) => [
      reading.takenAt,
      SNAPSHOT_REASON_LABELS[reading.reason],
      reading.active,
      ...SHARES.flatMap(([key]) => [reading[key], { count: reading[key], of: reading.active }]),
    ]),
  };
}

export async function exportIndicatorHistory(
  viewer: Viewer,
  input: { establishmentId: string; format: FileFormat; ip: string | null },
): Promise<{ bytes: Uint8Array; fileName: string; mimeType: string }> {
  authorizeEstablishment(viewer, input.establishmentId, "read");
  const [establishment, readings] = await Promise.all([
    db.establishment.findUnique({ where: { id: input.establishmentId }, select: { finessEt: true } }),
    listAllIndicatorSnapshots(db, input.establishmentId),
  ]);
  if (!establishment) throw new AppError("NOT_FOUND");
  const table = indicatorHistoryTable(readings);
  const bytes = input.format === "csv" ? figureTableToCsv(table) : await figureTableToXlsx(table, "Relevés");
  await recordAudit(db, {
    actor: auditActor(viewer),
    action: "indicators.exported",
    target: { type: "Establishment", id: input.establishmentId },
    ip: input.ip,
    details: { format: input.format, readings: readings.length },
  });
  return {
    bytes,
    fileName: `releves-indicateurs-${establishment.finessEt}-${parisToday()}.${input.format}`,
    mimeType: FILE_MIME_TYPES[input.format],
  };
}
