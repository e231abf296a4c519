import { z } from "zod";
import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { regionName } from "@/lib/establishments/territories";
import type { FigureCell, FigureColumn } from "@/lib/export/figure-table";
import { pagesOfIds } from "@/lib/export/id-pages";
import { streamTable } from "@/lib/export/stream-table";
import { parisToday } from "@/lib/roster/dates";
import { FOLLOW_UP_STAGE_LABELS } from "./follow-up-stage";
import {
  countFollowUps,
  followUpOrder,
  type FollowUpRow,
  followUpRowsOf,
  type TFollowUpFilters,
  ZFollowUpFilters,
} from "./list-follow-ups";
import { TIER_LABELS } from "./verification-machine";
import { FILE_MIME_TYPES, ZFileFormat } from "@/lib/export/file-format";

const EXPORT_BATCH = 1_000;

export const ZFollowUpExport = ZFollowUpFilters.extend({ format: ZFileFormat.default("csv") });
export type TFollowUpExport = z.output<typeof ZFollowUpExport>;

export const FOLLOW_UP_EXPORT_COLUMNS: readonly FigureColumn[] = [
  { label: "Référence", kind: "text" },
  { label: "Établissement", kind: "text" },
  { label: "FINESS", kind: "text" },
  { label: "Région", kind: "text" },
  { label: "Vague", kind: "text" },
  { label: "Projet", kind: "text" },
  { label: "Étape du suivi", kind: "text" },
  { label: "Déclaré le (heure de Paris)", kind: "datetime" },
  { label: "Détenu par", kind: "text" },
  { label: "Échéance (heure de Paris)", kind: "datetime" },
  { label: "En retard", kind: "text" },
];

export function followUpExportCells(row: FollowUpRow): FigureCell[] {
  return [
    row.reference,
    row.establishment,
    row.finess,
    regionName(row.regionCode),
    row.wave,
    row.projectTitle,
    FOLLOW_UP_STAGE_LABELS[row.stage],
    row.declaredAt,
    row.heldBy ? TIER_LABELS[row.heldBy] : null,
    row.dueAt,
    row.overdue ? "Oui" : "Non",
  ];
}

/** The board's rows, a page at a time, from its dossiers' ids read once in its order (`pagesOfIds`): the order moves as checks are recorded. */
export async function* followUpExportPages(filters: TFollowUpFilters, now: Date, batch = EXPORT_BATCH): AsyncGenerator<FigureCell[][]> {
  const ids = await followUpOrder(filters, now);
  for await (const rows of pagesOfIds(ids, batch, (page) => followUpRowsOf(filters, now, page))) yield rows.map(followUpExportCells);
}

/**
 * The board's dossiers as CSV or XLSX, with its filters and order, streamed a batch at a time;
 * audited when it starts. The selected dossiers are a few thousand at most: always a direct download.
 */
export async function exportFollowUps(viewer: Viewer, input: TFollowUpExport & { ip: string | null }, now = new Date()) {
  requirePermission(viewer, "programme:export");
  const { ip, ...filters } = input;
  const rows = await countFollowUps(filters, now);
  await recordAudit(db, {
    actor: auditActor(viewer),
    action: "follow-ups.exported",
    ip,
    details: { format: filters.format, rows, filters: { ...filters, page: undefined } },
  });
  return {
    stream: streamTable(filters.format, FOLLOW_UP_EXPORT_COLUMNS, followUpExportPages(filters, now), "Suivi"),
    fileName: `suivi-hospiconnect-${parisToday(now)}.${filters.format}`,
    mimeType: FILE_MIME_TYPES[filters.format],
  };
}
