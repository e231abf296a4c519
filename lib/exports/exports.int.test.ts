import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZDossierExport } from "@/lib/applications/export-dossiers";
import { fileNameFilter } from "@/lib/export/file-name";
import { startJobs, stopJobs } from "@/lib/jobs/worker";
import { type FileStorage, fileStorage, generateStorageKey } from "@/lib/storage";
import { LocalFileStorage } from "@/lib/storage/local-file-storage";
import { createReviewWave, createSubmittedDossier, createUser, programmeManager } from "@/test/factories";
import { databaseUrl, resetDatabase, testDb } from "@/test/integration/database";
import { expireExports, STALE_RUN_MS } from "./expire-exports";
import { RUN_FAILURE_MESSAGE, STALE_FAILURE_MESSAGE } from "./export-status";
import { listOwnExports } from "./list-exports";
import { readExportFile } from "./read-export";
import { requestDossierExport } from "./request-export";
import { RUN_AFTER_DEATH } from "./after-death";
import { runDossierExport, runWaitingExports, settleAbandonedExport } from "./run-export";

const HOUR = 3_600_000;

async function dossiers(count: number) {
  const wave = await createReviewWave(testDb);
  for (let index = 0; index < count; index++) await createSubmittedDossier(testDb, wave);
}

/** A waiting export row, as a request leaves it. */
async function queuedExport(requestedById: string, format: "CSV" | "XLSX" = "CSV") {
  return testDb.exportJob.create({
    data: {
      requestedById,
      filters: { sort: "recent" },
      format,
      rowsTotal: 0,
      fileName: "dossiers.csv",
      expiresAt: new Date(Date.now() + 48 * HOUR),
    },
  });
}

/** A finished export, its file in `storage`, to expire at `expiresAt` (made 48 hours before). */
async function finishedExport(requestedById: string, storage: FileStorage, expiresAt: Date) {
  const key = generateStorageKey("exports");
  await storage.put(key, new TextEncoder().encode("Établissement;FINESS"), "text/csv");
  const { id } = await testDb.exportJob.create({
    data: {
      requestedById,
      filters: {},
      format: "CSV",
      status: "READY",
      rowsDone: 1,
      rowsTotal: 1,
      fileName: "dossiers.csv",
      storageKey: key,
      createdAt: new Date(expiresAt.getTime() - 48 * HOUR),
      expiresAt,
    },
  });
  return { id, key };
}

describe("a background export, from the request to the download, through the job queue", () => {
  beforeAll(async () => {
    await resetDatabase();
    await startJobs({ connectionString: databaseUrl, work: true });
  });
  afterAll(() => stopJobs());

  it("is written to the file storage by the dossier-export job, its progress reaching the total, and downloaded by its requester only", async () => {
    await dossiers(5);
    const manager = await programmeManager(testDb);
    const { id } = await requestDossierExport(manager, ZDossierExport.parse({ format: "csv" }), "203.0.113.7");
    expect(await testDb.auditEvent.findFirst({ where: { action: "dossiers.export_requested", targetId: id } })).toMatchObject({
      actorId: manager.userId,
      ip: "203.0.113.7",
      details: { format: "csv", rows: 5 },
    });

    await expect
      .poll(async () => (await testDb.exportJob.findUniqueOrThrow({ where: { id } })).status, { timeout: 20_000, interval: 250 })
      .toBe("READY");
    const done = await testDb.exportJob.findUniqueOrThrow({ where: { id } });
    expect(done).toMatchObject({ rowsDone: 5, rowsTotal: 5, error: null });
    expect(done.expiresAt.getTime() - done.finishedAt!.getTime()).toBe(48 * HOUR);
    expect((await listOwnExports(manager))[0]).toMatchObject({
      id,
      status: "READY",
      statusLabel: "Prêt",
      percent: 100,
      downloadable: true,
    });

    const file = await readExportFile(manager, id, "203.0.113.7");
    const lines = (await new Response(file.stream).text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines).toHaveLength(6);
    expect(lines[0]!.startsWith("Référence;Établissement;FINESS;")).toBe(true);
    expect(file).toMatchObject({
      mimeType: "text/csv; charset=utf-8",
      fileName: expect.stringMatching(/^dossiers-hospiconnect-\d{4}-\d{2}-\d{2}\.csv$/),
    });
    expect(await testDb.auditEvent.count({ where: { action: "dossiers.export_downloaded", targetId: id, actorId: manager.userId } })).toBe(
      1,
    );

    // Another manager makes their own export; a member cannot export at all.
    const colleague = await programmeManager(testDb);
    await expect(readExportFile(colleague, id, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listOwnExports(colleague)).toEqual([]);
    const member = (await createUser(testDb)).viewer;
    await expect(readExportFile(member, id, null)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("names each export by its filters, in the file's name and in words on « Mes exports », so that two exports of a day differ", async () => {
    const wave = await createReviewWave(testDb);
    await createSubmittedDossier(testDb, wave);
    const manager = await programmeManager(testDb);
    const all = await requestDossierExport(manager, ZDossierExport.parse({ format: "csv" }), null);
    const filtered = await requestDossierExport(
      manager,
      ZDossierExport.parse({ format: "xlsx", state: "SUBMITTED", wave: wave.waveId, region: "53", sort: "state" }),
      null,
    );
    const listed = await listOwnExports(manager);
    const waveWords = fileNameFilter(wave.title);
    expect(listed.find((row) => row.id === filtered.id)).toMatchObject({
      fileName: expect.stringMatching(new RegExp(`^dossiers-hospiconnect-depose-${waveWords}-bretagne-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`)),
      filters: `Vague : ${wave.title} ; État : Déposé ; Région : Bretagne`,
    });
    expect(listed.find((row) => row.id === all.id)).toMatchObject({
      fileName: expect.stringMatching(/^dossiers-hospiconnect-\d{4}-\d{2}-\d{2}\.csv$/),
      filters: "Tous les dossiers",
    });
  });
});

describe("the dossier-export job's run", () => {
  let root: string;
  beforeEach(async () => {
    await resetDatabase();
    root = await mkdtemp(path.join(tmpdir(), "hospiconnect-exports-"));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("writes every row page by page, counts the dossiers again, and does nothing when run a second time", async () => {
    await dossiers(5);
    const manager = await programmeManager(testDb);
    const storage = new LocalFileStorage(root);
    const { id } = await queuedExport(manager.userId, "XLSX");
    await expect(runDossierExport(id, { storage, batch: 2 })).resolves.toEqual({ status: "READY", rows: 5 });
    const done = await testDb.exportJob.findUniqueOrThrow({ where: { id } });
    expect(done).toMatchObject({ status: "READY", rowsDone: 5, rowsTotal: 5 });
    const bytes = (await storage.get(done.storageKey!))!;
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expect(done.byteSize).toBe(bytes.byteLength);

    await expect(runDossierExport(id, { storage, batch: 2 })).resolves.toEqual({ status: "SKIPPED" });
    expect((await testDb.exportJob.findUniqueOrThrow({ where: { id } })).storageKey).toBe(done.storageKey);
  });

  it("run without an export named, writes every export still waiting (« Lancer maintenant »)", async () => {
    await dossiers(2);
    const manager = await programmeManager(testDb);
    const [first, second] = [await queuedExport(manager.userId), await queuedExport(manager.userId, "XLSX")];
    await expect(runWaitingExports()).resolves.toEqual({ ready: 2, failed: 0 });
    for (const { id } of [first, second])
      expect(await testDb.exportJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "READY", rowsDone: 2, rowsTotal: 2 });
  });

  it("marks the export failed with a French message when the file cannot be stored, and leaves no temporary file", async () => {
    await dossiers(2);
    const manager = await programmeManager(testDb);
    const { id } = await queuedExport(manager.userId);
    const written: string[] = [];
    const broken = Object.assign(new LocalFileStorage(root), {
      putFile: (_key: string, temporary: string) => {
        written.push(temporary);
        return Promise.reject(new Error("disque plein"));
      },
    });
    await expect(runDossierExport(id, { storage: broken })).rejects.toThrow("disque plein");
    expect(await testDb.exportJob.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "FAILED",
      error: RUN_FAILURE_MESSAGE,
      storageKey: null,
    });
    expect(written).toHaveLength(1);
    expect(existsSync(written[0]!)).toBe(false);
    expect((await listOwnExports(manager))[0]).toMatchObject({
      status: "FAILED",
      statusLabel: "Échec",
      downloadable: false,
      error: RUN_FAILURE_MESSAGE,
    });
  });
});

describe("an export whose worker died mid-run", () => {
  beforeEach(() => resetDatabase());

  it("waits again for a new run, once; a second death marks it failed with a French message", async () => {
    const manager = await programmeManager(testDb);
    const { id } = await queuedExport(manager.userId);
    await testDb.exportJob.update({ where: { id }, data: { status: "RUNNING", rowsDone: 400, startedAt: new Date() } });
    const again = await settleAbandonedExport({ exportId: id });
    expect(again).toEqual({ exportId: id, [RUN_AFTER_DEATH]: true });
    expect(await testDb.exportJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "QUEUED", rowsDone: 0, error: null });

    await testDb.exportJob.update({ where: { id }, data: { status: "RUNNING" } });
    await expect(settleAbandonedExport(again!)).resolves.toBeNull();
    expect(await testDb.exportJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", error: STALE_FAILURE_MESSAGE });
    // Settled already (failed, or ready if another run finished it): left as it is.
    await expect(settleAbandonedExport({ exportId: id })).resolves.toBeNull();
    expect((await testDb.exportJob.findUniqueOrThrow({ where: { id } })).status).toBe("FAILED");
  });
});

describe("the expire-exports job", () => {
  let root: string;
  beforeEach(async () => {
    await resetDatabase();
    root = await mkdtemp(path.join(tmpdir(), "hospiconnect-exports-"));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("deletes the files past their 48 hours and marks them expired, keeps the others, and fails a run cut by a stopped worker", async () => {
    const now = new Date("2026-12-04T10:00:00Z");
    const manager = await programmeManager(testDb);
    const storage = new LocalFileStorage(root);
    const old = await finishedExport(manager.userId, storage, new Date(now.getTime() - 1));
    const fresh = await finishedExport(manager.userId, storage, new Date(now.getTime() + HOUR));
    const stuck = await testDb.exportJob.create({
      data: {
        requestedById: manager.userId,
        filters: {},
        format: "CSV",
        status: "RUNNING",
        rowsTotal: 10,
        fileName: "dossiers.csv",
        startedAt: new Date(now.getTime() - STALE_RUN_MS - 1),
        expiresAt: new Date(now.getTime() + HOUR),
      },
    });

    await expect(expireExports(storage, now)).resolves.toEqual({ expired: 1, interrupted: 1 });
    expect(await storage.get(old.key)).toBeNull();
    expect(await testDb.exportJob.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ status: "EXPIRED", storageKey: null });
    expect(await storage.get(fresh.key)).not.toBeNull();
    expect(await testDb.exportJob.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ status: "READY", storageKey: fresh.key });
    expect(await testDb.exportJob.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({
      status: "FAILED",
      error: STALE_FAILURE_MESSAGE,
    });
    await expect(readExportFile(manager, old.id, null, storage, now)).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("48 heures"),
    });

    await expect(expireExports(storage, now)).resolves.toEqual({ expired: 0, interrupted: 0 });
  });

  it("shows an export past its 48 hours as expired before the clean-up runs, and refuses its download", async () => {
    const manager = await programmeManager(testDb);
    const { id } = await finishedExport(manager.userId, fileStorage(), new Date(Date.now() - 1_000));
    expect((await listOwnExports(manager))[0]).toMatchObject({ id, status: "EXPIRED", statusLabel: "Expiré", downloadable: false });
    await expect(readExportFile(manager, id, null)).rejects.toMatchObject({ code: "INVALID_STATE" });
  });
});
