/**
 * An import in two steps, as a director expects it: upload → preview (every rejected line with its
 * reason, what will be created and updated; nothing written to the roster) → corrections of
 * rejected lines in place → commit, all or nothing, in one transaction.
 *
 * The uploaded file is kept in the file storage (`RosterImport.storageKey`, not the row: a 100 MB
 * bytea held the embedded database's one session for minutes) until the import is committed,
 * abandoned or expired; a file whose first lines cannot be a roster is refused before anything is
 * stored (`firstLinesRefusal`). Its reading (counts, rejected
 * lines, names) is kept with it as the preview's summary when it is made or corrected: opening the
 * preview again reads neither the file nor the roster (90 s for 90,000 lines, ADR 0006). A
 * correction and the commit read the file again with the corrections, so what is committed is
 * exactly what was last previewed (against the roster as it is at commit time).
 *
 * Public API: `RosterImportPreview`, `previewRosterImport`,
 * `getRosterImport`, `correctRosterImportLine`, `commitRosterImport`, `abandonRosterImport`, `expireStaleImports`.
 */
import { authorizeEstablishment } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { Prisma, type RosterImport } from "@/lib/db/generated/client";
import { formatFileSize } from "@/lib/attachments/file-size";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { fileStorage, generateStorageKey } from "@/lib/storage";
import { applyRosterRows } from "./apply-import";
import { withoutControlCharacters } from "./import/control-characters";
import { planRosterImport } from "./import-plan";
import { linesWithMieAwaitingRppsWarning, mieAwaitingRpps } from "./mie-awaiting-rpps";
import { firstLinesRefusal, parseRosterFile, type RejectedLine, type RosterImportResult } from "./import";
import { oneLargeReadingAtATime } from "./large-readings";
import { ROSTER_FILE_TOO_LARGE_ADVICE } from "./import/site-lines";
import { loadStoredRoster } from "./roster-writes";
import { recordIndicatorSnapshot } from "./snapshots";
import { TEMPLATE_HEADERS, type TemplateColumnKey } from "./template/columns";

/** A preview lists at most this many rejected lines (the count says how many there are). */
const LISTED_REJECTIONS = 500;
/** Names listed per kind of change: enough for an establishment's roster, a bound for a national file. */
export const LISTED_CHANGES = 500;
/** A 100,000-line import takes a few seconds; Prisma's default 5 s would cut it. */
const TRANSACTION_TIMEOUT_MS = 180_000;

/** A preview left without a commit keeps its file (personal data) this many days, then expires. */
export const PREVIEW_RETENTION_DAYS = 7;
const EXPIRED = `Cet aperçu a expiré (un aperçu est gardé ${PREVIEW_RETENTION_DAYS} jours) : importez le fichier de nouveau.`;

const FORMAT_LABELS: Record<string, string> = {
  CSV: "modèle HospiConnect (CSV)",
  XLSX: "modèle HospiConnect (Excel)",
  ANNUAIRE_SANTE: "extrait de l'Annuaire Santé",
};

export type RosterImportPreview = {
  id: string;
  establishmentId: string;
  fileName: string;
  formatLabel: string | null;
  status: RosterImport["status"];
  committedAt: Date | null;
  notes: string[];
  warnings: string[];
  /** Problems with the whole file: it cannot be imported. */
  errors: string[];
  lines: number;
  creates: number;
  updates: number;
  unchanged: number;
  rejectedCount: number;
  rejected: Array<RejectedLine & { cells: string[] | null }>;
  /** Who the import adds and who it changes, and what (column names), the first `LISTED_CHANGES` of each; empty once recorded. */
  added: Array<{ line: number; name: string }>;
  changed: Array<{ line: number; name: string; columns: string[] }>;
  /** Set when the preview expired uncommitted (its file was dropped). */
  expired: boolean;
  /** Column names of a template file, to correct a rejected line in place. */
  header: string[] | null;
  /** The template's column of each header cell, for the correction form's choices. */
  headerColumns: Array<TemplateColumnKey | null> | null;
  correctedLines: number[];
  /** When the file was last read against the roster (upload or correction). */
  computedAt: Date | null;
};

type Corrections = Record<string, string[]>;

/**
 * What a reading of the file shows, kept with the import (`RosterImport.summary`) so that the
 * preview is shown again without reading the file; `correctable` lists every line the correction
 * form may replace (the reading's rejected lines with their cells, not only the listed ones).
 */
type PreviewSummary = Pick<
  RosterImportPreview,
  | "formatLabel"
  | "notes"
  | "warnings"
  | "errors"
  | "lines"
  | "creates"
  | "updates"
  | "unchanged"
  | "rejectedCount"
  | "rejected"
  | "added"
  | "changed"
  | "header"
  | "headerColumns"
> & { correctable: number[]; computedAt: string };

async function fileOptions(establishmentId: string) {
  const [professions, establishment] = await Promise.all([
    db.profession.findMany({ select: { code: true, label: true } }),
    db.establishment.findUniqueOrThrow({ where: { id: establishmentId }, select: { finessEt: true } }),
  ]);
  // The site's lines of the directory extract: the legal entity's other sites are other rosters.
  return {
    professionCodes: professions.map((profession) => profession.code),
    professionLabels: professions,
    finess: [establishment.finessEt],
  };
}

/**
 * Reads the import's file from the storage, with its corrections, and hands the reading to `use`,
 * one large file at a time (`oneLargeReadingAtATime`); a file gone meanwhile (expired) is said so.
 */
async function withReading<T>(
  row: Pick<RosterImport, "establishmentId" | "fileName" | "corrections" | "storageKey">,
  use: (reading: RosterImportResult) => Promise<T>,
): Promise<T> {
  const content = row.storageKey === null ? null : await fileStorage().get(row.storageKey);
  if (content === null) throw new AppError("INVALID_STATE", EXPIRED);
  const corrections = new Map(Object.entries(row.corrections as Corrections).map(([line, cells]) => [Number(line), cells]));
  const options = { ...(await fileOptions(row.establishmentId)), corrections };
  return oneLargeReadingAtATime(content.byteLength, async () =>
    use(await parseRosterFile({ bytes: content, fileName: row.fileName }, options)),
  );
}

/**
 * The file's lines read, as its notes count them: a directory extract's person on several lines
 * (one per site or activity) counts each of them.
 */
function linesRead(reading: RosterImportResult): number {
  const rowLines = reading.rows.reduce((count, row) => count + (row.source === "ANNUAIRE_SANTE" ? row.lines.length : 1), 0);
  return rowLines + reading.rejected.length;
}

/** Removes a file no import names any more; one the storage fails to remove (logged there) is left to the daily sweep. */
async function dropFile(storageKey: string | null): Promise<void> {
  if (storageKey !== null)
    await fileStorage()
      .delete(storageKey)
      .catch(() => undefined);
}

/** The preview of a reading, against the roster as it is now. */
async function summaryOf(establishmentId: string, reading: RosterImportResult): Promise<PreviewSummary> {
  const plan = await planRosterImport(reading.rows, await loadStoredRoster(db, establishmentId));
  const rejected = [...reading.rejected, ...plan.rejected].sort((a, b) => a.line - b.line);
  // Read on the records as they will be stored: a blank RPPS on a line never erases a stored number.
  const awaitingRpps = linesWithMieAwaitingRppsWarning(
    [...plan.creates, ...plan.updates]
      .filter(({ record }) => mieAwaitingRpps(record).length > 0)
      .map(({ line }) => line)
      .sort((a, b) => a - b),
  );
  return {
    formatLabel: reading.format ? FORMAT_LABELS[reading.format]! : null,
    notes: reading.notes,
    warnings: awaitingRpps === null ? reading.warnings : [...reading.warnings, awaitingRpps],
    errors: reading.errors,
    lines: linesRead(reading),
    creates: plan.creates.length,
    updates: plan.updates.length,
    unchanged: plan.unchanged,
    rejectedCount: rejected.length,
    added: plan.creates.slice(0, LISTED_CHANGES).map(({ line, record }) => ({ line, name: `${record.lastName} ${record.firstName}` })),
    changed: plan.updates.slice(0, LISTED_CHANGES).map(({ line, record, changed, formerName }) => ({
      line,
      name: `${record.lastName} ${record.firstName}${formerName === null ? "" : ` (jusqu'ici ${formerName})`}`,
      columns: changed.map((key) => TEMPLATE_HEADERS[key]),
    })),
    // The correction form starts from the line without its invisible characters: sent back as is, it is clean.
    rejected: rejected
      .slice(0, LISTED_REJECTIONS)
      .map((line) => ({ ...line, cells: reading.rejectedCells?.get(line.line)?.map(withoutControlCharacters) ?? null })),
    header: reading.header ?? null,
    headerColumns: reading.headerColumns ?? null,
    correctable: [...(reading.rejectedCells?.keys() ?? [])],
    computedAt: new Date().toISOString(),
  };
}

function previewOf(row: RosterImport, summary: PreviewSummary): RosterImportPreview {
  const { correctable: _correctable, computedAt, ...shown } = summary;
  return {
    ...shown,
    id: row.id,
    establishmentId: row.establishmentId,
    fileName: row.fileName,
    status: row.status,
    committedAt: row.committedAt,
    expired: false,
    correctedLines: Object.keys(row.corrections as Corrections).map(Number),
    computedAt: new Date(computedAt),
  };
}

const storedSummary = (row: RosterImport) => row.summary as PreviewSummary | null;

function committedPreview(row: RosterImport): RosterImportPreview {
  return {
    id: row.id,
    establishmentId: row.establishmentId,
    fileName: row.fileName,
    formatLabel: FORMAT_LABELS[row.format] ?? null,
    status: row.status,
    committedAt: row.committedAt,
    notes: [],
    warnings: [],
    errors: [],
    lines: row.totalLines,
    creates: row.created,
    updates: row.updated,
    unchanged: row.unchanged,
    rejectedCount: row.rejected,
    expired: row.status === "FAILED",
    rejected: [],
    added: [],
    changed: [],
    header: null,
    headerColumns: null,
    correctedLines: Object.keys(row.corrections as Corrections).map(Number),
    computedAt: null,
  };
}

/** Reads the uploaded file and keeps it with a new import; writes nothing to the roster. */
export async function previewRosterImport(
  viewer: Viewer,
  input: { establishmentId: string; fileName: string; bytes: Uint8Array<ArrayBuffer> },
): Promise<RosterImportPreview> {
  authorizeEstablishment(viewer, input.establishmentId, "edit");
  const fileName = withoutControlCharacters(input.fileName).slice(0, 255) || "registre";
  const refuse = (code: "INVALID_INPUT" | "PAYLOAD_TOO_LARGE", message: string) =>
    new AppError(code, message, { fieldErrors: { file: [message] } });
  if (input.bytes.byteLength > UPLOAD_LIMITS.rosterImportBytes) {
    throw refuse(
      "PAYLOAD_TOO_LARGE",
      `Le fichier « ${fileName} » dépasse la taille maximale de ${formatFileSize(UPLOAD_LIMITS.rosterImportBytes)}. ${ROSTER_FILE_TOO_LARGE_ADVICE}`,
    );
  }
  // Before reading the whole file, and before storing anything: 100 MB of anything else is not read.
  const refused = firstLinesRefusal({ bytes: input.bytes, fileName });
  if (refused !== null) throw refuse("INVALID_INPUT", refused);
  const options = await fileOptions(input.establishmentId);
  const { reading, summary } = await oneLargeReadingAtATime(input.bytes.byteLength, async () => {
    const reading = await parseRosterFile({ bytes: input.bytes, fileName }, options);
    return { reading, summary: await summaryOf(input.establishmentId, reading) };
  });
  // Stored before the row that names it: a failed insert leaves a file the daily sweep removes.
  const storageKey = generateStorageKey("roster-imports");
  await fileStorage().put(storageKey, input.bytes, "application/octet-stream");
  const row = await db.rosterImport.create({
    data: {
      establishmentId: input.establishmentId,
      fileName,
      format: reading.format ?? "UNKNOWN",
      status: "PREVIEWED",
      totalLines: linesRead(reading),
      rejected: reading.rejected.length,
      storageKey,
      summary,
      createdById: viewer.userId,
    },
  });
  return previewOf(row, summary);
}

async function findImport(viewer: Viewer, establishmentId: string, importId: string, access: "read" | "edit"): Promise<RosterImport> {
  authorizeEstablishment(viewer, establishmentId, access);
  const row = await db.rosterImport.findFirst({ where: { id: importId, establishmentId } });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function getRosterImport(viewer: Viewer, input: { establishmentId: string; importId: string }): Promise<RosterImportPreview> {
  const row = await findImport(viewer, input.establishmentId, input.importId, "read");
  if (row.status !== "PREVIEWED") return committedPreview(row);
  const kept = storedSummary(row);
  if (kept !== null) return previewOf(row, kept);
  // A preview made before summaries were kept: read once, then kept.
  const summary = await withReading(row, (reading) => summaryOf(row.establishmentId, reading));
  await db.rosterImport.updateMany({ where: { id: row.id, status: "PREVIEWED" }, data: { summary } });
  return previewOf(row, summary);
}

/** Replaces a rejected line of a template file by the director's correction, and previews again. */
export async function correctRosterImportLine(
  viewer: Viewer,
  input: { establishmentId: string; importId: string; line: number; cells: string[] },
): Promise<RosterImportPreview> {
  const row = await findImport(viewer, input.establishmentId, input.importId, "edit");
  if (row.status === "FAILED") throw new AppError("INVALID_STATE", EXPIRED);
  if (row.status !== "PREVIEWED")
    throw new AppError("INVALID_STATE", "Cet import est déjà terminé : importez le fichier de nouveau pour le modifier.");
  // What the file's reading said, kept with the preview: the file is read once, corrected.
  const before = storedSummary(row) ?? (await withReading(row, (reading) => summaryOf(row.establishmentId, reading)));
  const width = before.header?.length ?? 0;
  if (width === 0)
    throw new AppError(
      "INVALID_INPUT",
      "Les lignes de ce fichier se corrigent dans le fichier lui-même : corrigez-le puis importez-le de nouveau.",
    );
  if (!before.correctable.includes(input.line) && !(String(input.line) in (row.corrections as Corrections))) {
    throw new AppError("INVALID_INPUT", `La ligne ${input.line} n'est pas une ligne rejetée de ce fichier.`);
  }
  // Invisible control characters have no place in a record (and a NUL cannot be stored): dropped.
  const cells = Array.from({ length: width }, (_, index) => withoutControlCharacters(input.cells[index] ?? "").slice(0, 1000));
  const corrections = { ...(row.corrections as Corrections), [String(input.line)]: cells };
  const summary = await withReading({ ...row, corrections }, (reading) => summaryOf(row.establishmentId, reading));
  const updated = await db.rosterImport.update({ where: { id: row.id }, data: { corrections, summary } });
  return previewOf(updated, summary);
}

export type CommittedImport = { created: number; updated: number; unchanged: number; rejected: number };

/** Writes the import's accepted lines in one transaction; the rejected ones are left out. */
export async function commitRosterImport(
  viewer: Viewer,
  input: { establishmentId: string; importId: string; ip: string | null },
): Promise<CommittedImport> {
  const row = await findImport(viewer, input.establishmentId, input.importId, "edit");
  if (row.status === "FAILED") throw new AppError("INVALID_STATE", EXPIRED);
  if (row.status !== "PREVIEWED") throw new AppError("INVALID_STATE", "Cet import a déjà été enregistré.");
  const committed = await withReading(row, async (reading) => {
    if (reading.errors.length > 0) throw new AppError("INVALID_INPUT", reading.errors.join(" "));
    if (reading.rows.length === 0)
      throw new AppError("INVALID_INPUT", "Aucune ligne valide à importer : corrigez les lignes rejetées ou importez un autre fichier.");
    return writeImport(viewer, row, reading, input.ip);
  });
  await dropFile(row.storageKey);
  return committed;
}

const NOT_YOUR_FAULT =
  "L'import n'a pas pu être enregistré à cause d'un incident technique de notre côté, pas à cause de votre fichier : rien n'a été modifié dans le registre et l'aperçu est conservé. Réessayez dans quelques minutes.";

/** The commit's one transaction. A failure that is not the file's (database incident) says so, and leaves the preview as it was. */
async function writeImport(viewer: Viewer, row: RosterImport, reading: RosterImportResult, ip: string | null): Promise<CommittedImport> {
  try {
    return await db.$transaction(
      async (tx) => {
        // Locks the import: a second click or a second tab finds it committed and writes nothing.
        // The file and the summary (they name people) go with the preview; the file is removed after the commit.
        const claimed = await tx.rosterImport.updateMany({
          where: { id: row.id, status: "PREVIEWED" },
          data: { status: "COMMITTED", committedAt: new Date(), storageKey: null, summary: Prisma.DbNull },
        });
        if (claimed.count !== 1) throw new AppError("INVALID_STATE", "Cet import a déjà été enregistré.");
        const applied = await applyRosterRows(tx, row.establishmentId, reading.rows);
        const rejected = reading.rejected.length + applied.rejected.length;
        await tx.rosterImport.update({
          where: { id: row.id },
          data: {
            created: applied.created,
            updated: applied.updated,
            unchanged: applied.unchanged,
            rejected,
          },
        });
        if (applied.created + applied.updated > 0) await recordIndicatorSnapshot(tx, row.establishmentId, "CHANGE");
        await recordAudit(tx, {
          actor: auditActor(viewer),
          action: "roster.imported",
          target: { type: "Establishment", id: row.establishmentId },
          ip,
          details: {
            importId: row.id,
            fileName: row.fileName,
            format: row.format,
            created: applied.created,
            updated: applied.updated,
            unchanged: applied.unchanged,
            rejected,
          },
        });
        return { created: applied.created, updated: applied.updated, unchanged: applied.unchanged, rejected };
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
    );
  } catch (error) {
    if (isAppError(error)) throw error;
    console.error(`[roster] commit of import ${row.id} failed:`, error);
    throw new AppError("UNAVAILABLE", NOT_YOUR_FAULT);
  }
}

/**
 * Drops the files of previews never committed; the import's counts stay as a trace. The rows first:
 * a file the storage then fails to remove is no row's, and the daily sweep removes it. A commit or
 * a correction at the same moment finds the preview expired (or its file gone, said the same way).
 */
export async function expireStaleImports(now = new Date()): Promise<number> {
  const stale = await db.rosterImport.findMany({
    where: { status: "PREVIEWED", createdAt: { lt: new Date(now.getTime() - PREVIEW_RETENTION_DAYS * 86_400_000) } },
    select: { id: true, storageKey: true },
  });
  const expired = await db.rosterImport.updateMany({
    where: { id: { in: stale.map((row) => row.id) }, status: "PREVIEWED" },
    data: { status: "FAILED", storageKey: null, corrections: {}, summary: Prisma.DbNull },
  });
  for (const row of stale) await dropFile(row.storageKey);
  return expired.count;
}

const ALREADY_COMMITTED = "Cet import a déjà été enregistré : il ne peut plus être abandonné.";

/**
 * Abandons a preview the director will not import: the import and its file (personal data) are
 * deleted now rather than kept 7 days; the audit log keeps the file's name and size in lines.
 */
export async function abandonRosterImport(
  viewer: Viewer,
  input: { establishmentId: string; importId: string; ip: string | null },
): Promise<void> {
  const row = await findImport(viewer, input.establishmentId, input.importId, "edit");
  if (row.status === "COMMITTED") throw new AppError("INVALID_STATE", ALREADY_COMMITTED);
  await db.$transaction(async (tx) => {
    // A commit running at the same time claims the preview first (status COMMITTED) or finds it gone.
    const deleted = await tx.rosterImport.deleteMany({ where: { id: row.id, status: { not: "COMMITTED" } } });
    if (deleted.count !== 1) throw new AppError("INVALID_STATE", ALREADY_COMMITTED);
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "roster.import_abandoned",
      target: { type: "Establishment", id: row.establishmentId },
      ip: input.ip,
      details: { importId: row.id, fileName: row.fileName, lines: row.totalLines },
    });
  });
  await dropFile(row.storageKey);
}
