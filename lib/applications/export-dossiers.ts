/**
 * The programme's dossiers as a file (CSV or XLSX), with the list page's filters and order,
 * streamed: the rows are read in keyset pages of `EXPORT_BATCH` and written out as they come, so
 * tens of thousands of dossiers leave without holding them all in memory or making the browser
 * wait for the last row before the first byte. Audited when it starts.
 *
 * Public API: `ZDossierExport`, `exportDossiers`, `dossierExportPages`, `EXPORT_BATCH`.
 */
import { z } from "zod";
import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { OUTCOME_LABELS } from "@/lib/decisions/labels";
import { regionName } from "@/lib/establishments/territories";
import type { FigureCell, FigureColumn } from "@/lib/export/figure-table";
import { streamTable } from "@/lib/export/stream-table";
import { parisToday } from "@/lib/roster/dates";
import { formatParisDateTime } from "@/lib/time/paris";
import { DOSSIER_ROW_SELECT, DOSSIER_SORTS, dossierWhere, type TDossierFilters, ZDossierFilters } from "./list-dossiers";
import { STATE_LABELS } from "./state-machine";

export const EXPORT_BATCH = 1_000;

export const ZDossierExport = ZDossierFilters.extend({ format: z.enum(["csv", "xlsx"]).catch("csv") });

const COLUMNS: FigureColumn[] = [
  { label: "Établissement", kind: "text" },
  { label: "FINESS", kind: "text" },
  { label: "Catégorie", kind: "text" },
  { label: "Région", kind: "text" },
  { label: "Vague", kind: "text" },
  { label: "État", kind: "text" },
  { label: "Projet", kind: "text" },
  { label: "Budget demandé", kind: "euros" },
  { label: "Déposé le", kind: "text" },
  { label: "Décision", kind: "text" },
  { label: "Montant accordé", kind: "euros" },
];

type Row = Prisma.ApplicationGetPayload<{ select: typeof DOSSIER_ROW_SELECT }>;

function cells(row: Row): FigureCell[] {
  return [
    row.establishment.name,
    row.establishment.finessEt,
    row.establishment.category.label,
    regionName(row.establishment.regionCode),
    row.wave.title,
    STATE_LABELS[row.state],
    row.projectTitle,
    row.budgetLines.reduce((sum, line) => sum + line.amountCents, 0n),
    row.submissions[0] ? formatParisDateTime(row.submissions[0].receivedAt) : "",
    row.decisions[0] ? OUTCOME_LABELS[row.decisions[0].outcome] : "",
    row.decisions[0]?.amountGrantedCents ?? null,
  ];
}

/** The dossiers in the list's order, a page at a time after the last row of the previous page. */
export async function* dossierExportPages(filters: TDossierFilters, batch = EXPORT_BATCH): AsyncGenerator<FigureCell[][]> {
  let after: string | undefined;
  for (;;) {
    const rows = await db.application.findMany({
      where: dossierWhere(filters),
      orderBy: [DOSSIER_SORTS[filters.sort], { id: "asc" }],
      take: batch,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      select: { ...DOSSIER_ROW_SELECT, id: true },
    });
    if (rows.length > 0) yield rows.map(cells);
    if (rows.length < batch) return;
    after = rows.at(-1)!.id;
  }
}

const MIME = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

export async function exportDossiers(viewer: Viewer, input: z.infer<typeof ZDossierExport> & { ip: string | null }) {
  requirePermission(viewer, "programme:export");
  const { format, ip, ...filters } = input;
  await recordAudit(db, {
    actor: auditActor(viewer),
    action: "dossiers.exported",
    ip,
    details: { format, filters: { ...filters, page: undefined } },
  });
  return {
    stream: streamTable(format, COLUMNS, dossierExportPages(filters), "Dossiers"),
    fileName: `dossiers-hospiconnect-${parisToday()}.${format}`,
    mimeType: MIME[format],
  };
}
