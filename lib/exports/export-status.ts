import type { ExportFormat, ExportStatus } from "@/lib/db/generated/enums";
import type { FileFormat } from "@/lib/export/file-format";

/** The words of a background export's life, for its page (ADR 0019). */
export const EXPORT_STATUS_LABELS: Readonly<Record<ExportStatus, string>> = {
  QUEUED: "En attente",
  RUNNING: "En cours",
  READY: "Prêt",
  FAILED: "Échec",
  EXPIRED: "Expiré",
};

export const EXPORT_FORMAT_OF: Readonly<Record<FileFormat, ExportFormat>> = { csv: "CSV", xlsx: "XLSX" };
export const STREAM_FORMAT_OF: Readonly<Record<ExportFormat, FileFormat>> = { CSV: "csv", XLSX: "xlsx" };

/** Still to be written: the page keeps asking for its progress. */
export const isPending = (status: ExportStatus) => status === "QUEUED" || status === "RUNNING";

export const RUN_FAILURE_MESSAGE =
  "L'export n'a pas abouti à cause d'un incident de notre côté. Relancez-le depuis la liste des dossiers ; si l'échec se répète, signalez-le.";
export const QUEUE_FAILURE_MESSAGE =
  "L'export n'a pas pu être mis en file à cause d'un incident de notre côté. Réessayez dans quelques minutes.";
export const STALE_FAILURE_MESSAGE =
  "L'export a été interrompu (redémarrage du serveur) avant d'aboutir. Relancez-le depuis la liste des dossiers.";

/** A background export as its page shows it (and its progress route returns it): French words, no Date. */
export type ExportView = {
  id: string;
  fileName: string;
  /** The dossier list's filters it was made under, in words (« État : Déposé ; Région : Bretagne », « Tous les dossiers »). */
  filters: string;
  status: ExportStatus;
  statusLabel: string;
  pending: boolean;
  rowsDone: number;
  rowsTotal: number;
  percent: number;
  requestedAt: string;
  /** Until when the file can be downloaded (READY), or when it was deleted (EXPIRED). */
  expiresAt: string;
  downloadable: boolean;
  error: string | null;
};
