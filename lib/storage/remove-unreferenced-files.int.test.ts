import { mkdtemp, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";
import { LocalFileStorage } from "./local-file-storage";
import { removeUnreferencedFiles } from "./remove-unreferenced-files";
import { generateStorageKey, type StorageArea } from "./storage-key";
import { createOpenWave, programmeManager } from "@/test/factories";

const NOW = new Date("2026-06-15T03:00:00Z");
const TWO_DAYS_AGO = new Date(NOW.getTime() - 2 * 86_400_000);

describe("the daily removal of stored files that no row refers to", () => {
  let root: string;
  let storage: LocalFileStorage;

  beforeEach(async () => {
    await resetDatabase();
    root = await mkdtemp(path.join(tmpdir(), "hospiconnect-sweep-"));
    storage = new LocalFileStorage(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function stored(area: StorageArea, writtenAt: Date): Promise<string> {
    const key = generateStorageKey(area);
    await storage.put(key, new TextEncoder().encode("%PDF-1.7"), "application/pdf");
    await utimes(path.join(root, ...key.split("/")), writtenAt, writtenAt);
    return key;
  }

  it("removes the files a day old that no attachment, receipt, decision letter, export, roster import or e-mail refers to, and keeps the others", async () => {
    const establishment = await testDb.establishment.create({
      data: {
        name: "EHPAD Ménage",
        finessEt: "750712184",
        finessEj: "690781810",
        categoryCode: "500",
        regionCode: "75",
        departmentCode: "79",
        city: "Niort",
        headcount: 10,
      },
    });
    const wave = await createOpenWave(testDb, { closesAt: new Date(Date.now() + 86_400_000) });
    const application = await testDb.application.create({
      data: { establishmentId: establishment.id, waveId: wave.waveId, waveVersionId: wave.versionId },
    });

    const [attachment, receipt, letter, exported, previewed, mailed, orphan, orphanImport, recentOrphan] = [
      await stored("attachments", TWO_DAYS_AGO),
      await stored("receipts", TWO_DAYS_AGO),
      await stored("decision-letters", TWO_DAYS_AGO),
      await stored("exports", TWO_DAYS_AGO),
      await stored("roster-imports", TWO_DAYS_AGO),
      await stored("receipts", TWO_DAYS_AGO),
      await stored("receipts", TWO_DAYS_AGO),
      // A preview whose row was never written (its insert failed).
      await stored("roster-imports", TWO_DAYS_AGO),
      // Perhaps a submission being written right now: too young to judge.
      await stored("attachments", new Date(NOW.getTime() - 3_600_000)),
    ];
    await testDb.attachment.create({
      data: {
        applicationId: application.id,
        fileName: "preuve.pdf",
        mimeType: "application/pdf",
        sizeBytes: 8,
        sha256: "a".repeat(64),
        storageKey: attachment,
      },
    });
    await testDb.submission.create({
      data: { applicationId: application.id, idempotencyKey: crypto.randomUUID(), contentHash: "0".repeat(64), receiptKey: receipt },
    });
    await testDb.decision.create({
      data: {
        applicationId: application.id,
        waveId: wave.waveId,
        outcome: "REJECTED",
        reasons: "Hors périmètre.",
        releasedAt: NOW,
        letterKey: letter,
      },
    });
    // Kept 48 hours: a day-old export file is still its requester's.
    const manager = await programmeManager(testDb);
    await testDb.exportJob.create({
      data: {
        requestedById: manager.userId,
        filters: {},
        format: "CSV",
        status: "READY",
        rowsTotal: 1,
        rowsDone: 1,
        fileName: "dossiers.csv",
        storageKey: exported,
        expiresAt: new Date(NOW.getTime() + 86_400_000),
      },
    });
    // A preview waits 7 days for its commit.
    await testDb.rosterImport.create({
      data: {
        establishmentId: establishment.id,
        fileName: "registre.csv",
        format: "CSV",
        status: "PREVIEWED",
        totalLines: 1,
        storageKey: previewed,
      },
    });
    await testDb.outboxEmail.create({
      data: {
        dedupeKey: "test",
        to: "a@test.fr",
        subject: "Accusé",
        text: "…",
        files: [{ storageKey: mailed, fileName: "accuse.pdf", contentType: "application/pdf" }],
      },
    });

    await expect(removeUnreferencedFiles(testDb, storage, NOW)).resolves.toBe(2);
    for (const removed of [orphan, orphanImport]) expect(await storage.get(removed), removed).toBeNull();
    for (const kept of [attachment, receipt, letter, exported, previewed, mailed, recentOrphan])
      expect(await storage.get(kept), kept).not.toBeNull();
  });
});
