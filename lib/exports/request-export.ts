import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { countDossiers, type TDossierExport, waveTitleOf } from "@/lib/applications/export-dossiers";
import { dossierExportFileName } from "@/lib/applications/dossier-filter-words";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { enqueueJob } from "@/lib/jobs/worker";
import { errorFields, logger } from "@/lib/observability/logger";
import { exportExpiry } from "./threshold";
import { EXPORT_FORMAT_OF, QUEUE_FAILURE_MESSAGE } from "./export-status";

/**
 * A programme manager asks for the dossier export in the background (above the threshold, ADR
 * 0019): the row that describes it and the audit entry are committed together, then the
 * `dossier-export` job is queued. Should the queue be unreachable, the export is marked failed at
 * once rather than left waiting for nothing.
 */
export async function requestDossierExport(
  viewer: Viewer,
  input: TDossierExport,
  ip: string | null,
  now = new Date(),
): Promise<{ id: string }> {
  requirePermission(viewer, "programme:export");
  const { format, page: _page, ...filters } = input;
  const [rowsTotal, waveTitle] = await Promise.all([countDossiers({ ...filters, page: 1 }), waveTitleOf(filters)]);
  const created = await db.$transaction(async (tx) => {
    const row = await tx.exportJob.create({
      data: {
        requestedById: viewer.userId,
        filters,
        format: EXPORT_FORMAT_OF[format],
        rowsTotal,
        fileName: dossierExportFileName(format, filters, waveTitle),
        createdAt: now,
        expiresAt: exportExpiry(now),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "dossiers.export_requested",
      target: { type: "ExportJob", id: row.id },
      ip,
      details: { format, rows: rowsTotal, filters },
    });
    return row;
  });
  try {
    await enqueueJob("dossier-export", { exportId: created.id });
  } catch (error) {
    logger.error({ exportId: created.id, ...errorFields(error) }, "dossier export could not be queued");
    await db.exportJob.update({
      where: { id: created.id },
      data: { status: "FAILED", error: QUEUE_FAILURE_MESSAGE, finishedAt: new Date() },
    });
    throw new AppError("UNAVAILABLE", QUEUE_FAILURE_MESSAGE);
  }
  return created;
}
