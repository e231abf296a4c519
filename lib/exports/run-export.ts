import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { countDossiers, dossierExportTable, EXPORT_BATCH } from "@/lib/applications/export-dossiers";
import { FILE_MIME_TYPES } from "@/lib/export/file-format";
import { ZDossierFilters } from "@/lib/applications/list-dossiers";
import { db } from "@/lib/db/client";
import type { FigureCell } from "@/lib/export/figure-table";
import { streamTable } from "@/lib/export/stream-table";
import { errorFields, logger } from "@/lib/observability/logger";
import { type FileStorage, fileStorage, generateStorageKey } from "@/lib/storage";
import { RUN_FAILURE_MESSAGE, STALE_FAILURE_MESSAGE, STREAM_FORMAT_OF } from "./export-status";
import { exportAfterDeath, RUN_AFTER_DEATH } from "./after-death";
import { exportExpiry } from "./threshold";

/** Counts the rows as the writer takes each page: the page before has been written by then. */
async function* counted(pages: AsyncIterable<FigureCell[][]>, written: (rows: number) => Promise<void>): AsyncGenerator<FigureCell[][]> {
  let rows = 0;
  for await (const page of pages) {
    yield page;
    rows += page.length;
    await written(rows);
  }
}

/**
 * The `dossier-export` job (ADR 0019): streams the export's table from keyset pages into a
 * temporary file (memory stays flat whatever its size), recording the rows written after each
 * page, then stores the file and keeps it 48 hours. Safe to run twice: only a waiting or running
 * export is (re)started, and a file whose export was meanwhile expired is removed again. A failure
 * marks the export failed with a French message, and is rethrown for « Tâches de fond ».
 */
export async function runDossierExport(
  exportId: string,
  options: { storage?: FileStorage; batch?: number; now?: () => Date } = {},
): Promise<{ status: "READY" | "SKIPPED"; rows?: number }> {
  const storage = options.storage ?? fileStorage();
  const now = options.now ?? (() => new Date());
  const claimed = await db.exportJob.updateMany({
    where: { id: exportId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING", startedAt: now(), rowsDone: 0, error: null },
  });
  if (claimed.count === 0) return { status: "SKIPPED" };
  const job = await db.exportJob.findUniqueOrThrow({ where: { id: exportId }, select: { filters: true, format: true } });
  const temporary = path.join(tmpdir(), `hospiconnect-export-${randomBytes(8).toString("hex")}`);
  try {
    const filters = ZDossierFilters.parse(job.filters);
    const format = STREAM_FORMAT_OF[job.format];
    // Counted again: dossiers may have been filed since the request.
    await db.exportJob.update({ where: { id: exportId }, data: { rowsTotal: await countDossiers(filters) } });
    const table = await dossierExportTable(filters, options.batch ?? EXPORT_BATCH);
    let rows = 0;
    const pages = counted(table.pages, async (written) => {
      rows = written;
      await db.exportJob.update({ where: { id: exportId }, data: { rowsDone: written } });
    });
    await pipeline(
      Readable.fromWeb(streamTable(format, table.columns, pages, "Dossiers") as never),
      createWriteStream(temporary, { mode: 0o600 }),
    );
    const key = generateStorageKey("exports");
    await storage.putFile(key, temporary, FILE_MIME_TYPES[format]);
    const finishedAt = now();
    const ready = await db.exportJob.updateMany({
      where: { id: exportId, status: "RUNNING" },
      data: {
        status: "READY",
        storageKey: key,
        byteSize: (await stat(temporary)).size,
        rowsDone: rows,
        finishedAt,
        expiresAt: exportExpiry(finishedAt),
      },
    });
    if (ready.count === 0) await storage.delete(key);
    return { status: "READY", rows };
  } catch (error) {
    logger.error({ exportId, ...errorFields(error) }, "dossier export failed");
    await db.exportJob.update({ where: { id: exportId }, data: { status: "FAILED", error: RUN_FAILURE_MESSAGE, finishedAt: now() } });
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * The job run without an export named (« Lancer maintenant » on « Tâches de fond »): every export
 * still waiting, oldest first. One that fails does not hold the others up; the run then fails.
 */
export async function runWaitingExports(): Promise<{ ready: number; failed: number }> {
  const waiting = await db.exportJob.findMany({ where: { status: "QUEUED" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  let failed = 0;
  for (const { id } of waiting) await runDossierExport(id).catch(() => failed++);
  if (failed > 0) throw new Error(`${failed} export(s) en échec sur ${waiting.length}`);
  return { ready: waiting.length, failed };
}

/**
 * The `dossier-export` job's follow-up to a run whose worker died: the export waits again and the
 * payload of its new run is returned, or, after a second death, it is marked failed with the
 * French words of an interrupted export. An export that ended meanwhile is left as it is.
 */
export async function settleAbandonedExport(data: Record<string, unknown>, now = new Date()): Promise<Record<string, unknown> | null> {
  const next = exportAfterDeath(data);
  if (!next) return null;
  const pending = { id: next.exportId, status: { in: ["QUEUED", "RUNNING"] as ("QUEUED" | "RUNNING")[] } };
  if (next.then === "fail") {
    await db.exportJob.updateMany({ where: pending, data: { status: "FAILED", error: STALE_FAILURE_MESSAGE, finishedAt: now } });
    return null;
  }
  const waiting = await db.exportJob.updateMany({ where: pending, data: { status: "QUEUED", rowsDone: 0 } });
  return waiting.count > 0 ? { exportId: next.exportId, [RUN_AFTER_DEATH]: true } : null;
}
