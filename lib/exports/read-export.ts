import { authorizeExport } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { FILE_MIME_TYPES } from "@/lib/export/file-format";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { type FileStorage, fileStorage } from "@/lib/storage";
import { STREAM_FORMAT_OF } from "./export-status";
import { EXPORT_RETENTION_HOURS, isExpired } from "./threshold";

const GONE = `Ce fichier n'est plus disponible : les exports sont conservés ${EXPORT_RETENTION_HOURS} heures. Relancez l'export depuis la liste des dossiers.`;
const NOT_READY = "Cet export n'est pas prêt : sa page indique où il en est.";

/** The file of a ready background export, streamed, for the manager who asked for it; each download is audited. */
export async function readExportFile(
  viewer: Viewer,
  exportId: string,
  ip: string | null,
  storage: FileStorage = fileStorage(),
  now = new Date(),
) {
  const row = await db.exportJob.findUnique({
    where: { id: exportId },
    select: {
      id: true,
      requestedById: true,
      status: true,
      storageKey: true,
      expiresAt: true,
      fileName: true,
      format: true,
      rowsDone: true,
    },
  });
  if (!row) throw new AppError("NOT_FOUND");
  authorizeExport(viewer, row);
  if (row.status === "EXPIRED" || (row.status === "READY" && isExpired(row.expiresAt, now))) throw new AppError("INVALID_STATE", GONE);
  if (row.status !== "READY" || !row.storageKey) throw new AppError("INVALID_STATE", NOT_READY);
  const stream = await storage.stream(row.storageKey);
  if (!stream) throw new AppError("INVALID_STATE", GONE);
  await recordAudit(db, {
    actor: auditActor(viewer),
    action: "dossiers.export_downloaded",
    target: { type: "ExportJob", id: row.id },
    ip,
    details: { rows: row.rowsDone },
  });
  const format = STREAM_FORMAT_OF[row.format];
  return { stream, fileName: row.fileName, mimeType: FILE_MIME_TYPES[format] };
}
