import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { openScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch-database";
import { LocalFileStorage } from "@/lib/storage/local-file-storage";
import { generateStorageKey } from "@/lib/storage/storage-key";
import { loadDemoData } from "@/prisma/seed/demo";
import { backupDatabase } from "./backup";
import { restoreDatabase } from "./restore";
import { tableFingerprints } from "./tables";

/**
 * A backup is proven by restoring it: the demo programme (plus stored files) is backed up, restored
 * into a fresh database and a fresh storage folder, and every table's row count and checksum and
 * the list of stored files are compared with the source's.
 */
const serverUrl = inject("testServerUrl") || undefined;
const opened: ScratchDatabase[] = [];
const folders: string[] = [];

async function scratch(): Promise<string> {
  const database = await openScratchDatabase(serverUrl);
  opened.push(database);
  return database.url;
}
async function folder(): Promise<string> {
  const created = await mkdtemp(path.join(tmpdir(), "hospiconnect-backup-"));
  folders.push(created);
  return created;
}
async function fingerprints(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await tableFingerprints(client);
  } finally {
    await client.end();
  }
}
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe("backup and restore", () => {
  let sourceUrl: string;
  let sourceFiles: string;
  let backup: string;
  const storedKeys: string[] = [];

  beforeAll(async () => {
    sourceUrl = await scratch();
    await migrateDatabase(sourceUrl);
    const source = createDb(sourceUrl, 1);
    // Stored files: the demo's decision letters and declarations of results, an attachment, a receipt and a roster file.
    sourceFiles = await folder();
    const storage = new LocalFileStorage(sourceFiles);
    await loadDemoData(source, new Date("2026-11-29T09:00:00Z"), storage);
    const declarations = await source.resultDeclaration.findMany({ select: { pdfKey: true } });
    expect(declarations.length).toBeGreaterThan(0);
    storedKeys.push(...declarations.map((declaration) => declaration.pdfKey));
    const letters = await source.decision.findMany({ where: { letterKey: { not: null } }, select: { letterKey: true } });
    expect(letters.length).toBeGreaterThan(0);
    storedKeys.push(...letters.map((decision) => decision.letterKey!));
    const submission = await source.submission.findFirstOrThrow({ select: { id: true, applicationId: true } });
    const receiptKey = generateStorageKey("receipts");
    await storage.put(receiptKey, Buffer.from("%PDF-1.7 accusé de réception"), "application/pdf");
    await source.submission.update({ where: { id: submission.id }, data: { receiptKey } });
    const attachmentKey = generateStorageKey("attachments");
    await storage.put(attachmentKey, Buffer.from("%PDF-1.7 procédure"), "application/pdf");
    await source.attachment.create({
      data: {
        applicationId: submission.applicationId,
        fileName: "procédure.pdf",
        mimeType: "application/pdf",
        sizeBytes: 18,
        sha256: "b".repeat(64),
        storageKey: attachmentKey,
      },
    });
    // A roster file awaiting its commit: the restored preview can still be committed.
    const importKey = generateStorageKey("roster-imports");
    await storage.put(importKey, Buffer.from("Nom;Prénom;RPPS\n"), "application/octet-stream");
    await source.rosterImport.create({
      data: {
        establishmentId: (await source.establishment.findFirstOrThrow({ select: { id: true } })).id,
        fileName: "registre.csv",
        format: "CSV",
        status: "PREVIEWED",
        totalLines: 0,
        storageKey: importKey,
      },
    });
    storedKeys.push(receiptKey, attachmentKey, importKey);
    await source.$disconnect();
    backup = await folder();
    await backupDatabase(sourceUrl, storage, backup);
  }, 180_000);

  afterAll(async () => {
    for (const database of opened) await database.drop();
    for (const created of folders) await rm(created, { recursive: true, force: true });
  });

  it("restores into a fresh database every table's rows, and the stored files", async () => {
    const targetUrl = await scratch();
    const targetFiles = await folder();
    await restoreDatabase(targetUrl, new LocalFileStorage(targetFiles), backup);

    const [expected, restored] = await Promise.all([fingerprints(sourceUrl), fingerprints(targetUrl)]);
    expect(Object.keys(restored).length).toBeGreaterThan(30);
    expect(restored.Professional!.rows).toBeGreaterThan(1500);
    expect(restored).toEqual(expected);
    expect(await listFiles(targetFiles)).toEqual(await listFiles(sourceFiles));
    expect(await listFiles(targetFiles)).toEqual([...storedKeys].sort());
    for (const key of storedKeys) expect(await readFile(path.join(targetFiles, key))).toEqual(await readFile(path.join(sourceFiles, key)));

    // The restored database works: its audit log goes on after the restored entries.
    const target = createDb(targetUrl, 1);
    const last = await target.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } });
    const next = await target.auditEvent.create({ data: { actorLabel: "test", action: "restore.checked" }, select: { id: true } });
    expect(next.id).toBeGreaterThan(last.id);
    await target.$disconnect();
  }, 180_000);

  it("refuses a database that already holds data, and a damaged backup, leaving the target as it was", async () => {
    await expect(restoreDatabase(sourceUrl, new LocalFileStorage(await folder()), backup)).rejects.toThrow(/not empty/);

    const damaged = await folder();
    await rm(damaged, { recursive: true });
    await import("node:fs/promises").then((fs) => fs.cp(backup, damaged, { recursive: true }));
    const manifest = JSON.parse(await readFile(path.join(damaged, "manifest.json"), "utf8"));
    manifest.tables.Professional.checksum = "0".repeat(32);
    await writeFile(path.join(damaged, "manifest.json"), JSON.stringify(manifest));
    const targetUrl = await scratch();
    await expect(restoreDatabase(targetUrl, new LocalFileStorage(await folder()), damaged)).rejects.toThrow(/Professional/);
    expect((await fingerprints(targetUrl)).Professional).toEqual({ rows: 0, checksum: "" });
  }, 180_000);
});
