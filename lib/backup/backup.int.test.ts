import { cp, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { openScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch-database";
import { LocalFileStorage } from "@/lib/storage/local-file-storage";
import { STORAGE_KEY_COLUMNS } from "@/lib/storage/referenced-keys";
import { generateStorageKey } from "@/lib/storage/storage-key";
import { loadDemoData } from "@/prisma/seed/demo";
import { backupDatabase } from "./backup";
import { RestoreError } from "./backup-folder";
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
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
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
    // Stored files: the demo's decision letters and declarations of results, an attachment, a receipt, a roster file and an export.
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
    // A background export still downloadable: « Mes exports » of the restored app offers it.
    const exportKey = generateStorageKey("exports");
    await storage.put(exportKey, Buffer.from("Établissement;FINESS\r\n"), "text/csv");
    await source.exportJob.create({
      data: {
        requestedById: (await source.user.findFirstOrThrow({ select: { id: true } })).id,
        filters: {},
        format: "CSV",
        status: "READY",
        rowsDone: 0,
        rowsTotal: 0,
        fileName: "dossiers.csv",
        storageKey: exportKey,
        expiresAt: new Date("2026-12-01T09:00:00Z"),
      },
    });
    storedKeys.push(receiptKey, attachmentKey, importKey, exportKey);
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
    // A storage that already holds one of the backup's files, as it was (the bucket the backup was made from).
    await new LocalFileStorage(targetFiles).put(
      storedKeys[0]!,
      (await readFile(path.join(sourceFiles, storedKeys[0]!)))!,
      "application/pdf",
    );
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

  /** A copy of the backup, changed by `change`. */
  async function damagedCopy(change: (copy: string, manifest: Manifest) => Promise<void>): Promise<string> {
    const copy = path.join(await folder(), "backup");
    await cp(backup, copy, { recursive: true });
    await change(copy, JSON.parse(await readFile(path.join(copy, "manifest.json"), "utf8")) as Manifest);
    return copy;
  }
  type Manifest = { tables: Record<string, { checksum: string }>; files: Array<{ key: string }> };

  /** Restores `from` into a fresh database and storage folder: the error, and what the target then holds. */
  async function refusedRestore(from: string, storage: (root: string) => LocalFileStorage = (root) => new LocalFileStorage(root)) {
    const targetUrl = await scratch();
    const targetFiles = await folder();
    const error = await restoreDatabase(targetUrl, storage(targetFiles), from).then(
      () => expect.unreachable("the restore went through"),
      (refusal: unknown) => refusal as Error,
    );
    const professionals = await fingerprints(targetUrl).then(
      (tables) => tables.Professional ?? { rows: 0, checksum: "" },
      () => ({ rows: 0, checksum: "" }),
    );
    return { error, professionals, files: await listFiles(targetFiles) };
  }

  it("is readable by the app's account only, like the storage it copies", async () => {
    const entries = await readdir(backup, { recursive: true, withFileTypes: true });
    expect(entries.filter((entry) => entry.isFile()).length).toBeGreaterThan(storedKeys.length);
    if (process.platform === "win32") return;
    expect((await stat(backup)).mode & 0o777).toBe(0o700);
    for (const entry of entries) {
      const mode = (await stat(path.join(entry.parentPath, entry.name))).mode & 0o777;
      expect({ entry: path.relative(backup, path.join(entry.parentPath, entry.name)), mode }).toEqual({
        entry: path.relative(backup, path.join(entry.parentPath, entry.name)),
        mode: entry.isDirectory() ? 0o700 : 0o600,
      });
    }
  });

  it("knows every column that holds a storage key: a forgotten one would leave its files out", async () => {
    // Columns named like a key that hold no stored file's key.
    const notFileKeys = ["OutboxEmail.dedupeKey", "RateLimit.key", "Submission.idempotencyKey"];
    const client = new pg.Client({ connectionString: sourceUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(`
        SELECT table_name || '.' || column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name ~* 'key$' AND data_type IN ('text', 'character varying')
        ORDER BY name`);
      const fileKeys = rows.map((row) => row.name).filter((name) => !notFileKeys.includes(name));
      expect(fileKeys).toEqual(STORAGE_KEY_COLUMNS.map(({ table, column }) => `${table}.${column}`).sort());
    } finally {
      await client.end();
    }
  });

  it("refuses a database that already holds data, and a damaged backup, leaving the target as it was", async () => {
    await expect(restoreDatabase(sourceUrl, new LocalFileStorage(await folder()), backup)).rejects.toThrow(/not empty/);

    const damaged = await damagedCopy(async (copy, manifest) => {
      manifest.tables.Professional!.checksum = "0".repeat(32);
      await writeFile(path.join(copy, "manifest.json"), JSON.stringify(manifest));
    });
    const refused = await refusedRestore(damaged);
    expect(refused.error.message).toMatch(/Professional/);
    expect(refused.professionals).toEqual({ rows: 0, checksum: "" });
    expect(refused.files).toEqual([]);
  }, 180_000);

  it("refuses a backup with a damaged or missing file before putting any file into the storage", async () => {
    const damaged = await damagedCopy(async (copy, manifest) => {
      const second = path.join(copy, "files", manifest.files[1]!.key);
      const bytes = await readFile(second);
      bytes[0] = bytes[0]! ^ 1;
      await writeFile(second, bytes);
    });
    const refused = await refusedRestore(damaged);
    expect(refused.error).toBeInstanceOf(RestoreError);
    expect(refused.error.message).toMatch(/damaged/);
    expect(refused.files).toEqual([]);

    let missingKey = "";
    const missing = await damagedCopy(async (copy, manifest) => {
      missingKey = manifest.files.at(-1)!.key;
      await rm(path.join(copy, "files", missingKey));
    });
    const incomplete = await refusedRestore(missing);
    expect(incomplete.error).toBeInstanceOf(RestoreError);
    expect(incomplete.error.message).toBe(`File ${missingKey} is missing from the backup: the backup is incomplete.`);
    expect(incomplete.files).toEqual([]);
  }, 180_000);

  it("takes back the files it put when the storage fails midway", async () => {
    /** The target disk fills up at the third file. */
    class FillingStorage extends LocalFileStorage {
      private puts = 0;
      override put(key: string, bytes: Uint8Array, contentType: string) {
        return ++this.puts === 3 ? Promise.reject(new Error("ENOSPC: no space left on device")) : super.put(key, bytes, contentType);
      }
      override putFile(key: string, file: string, contentType: string) {
        return ++this.puts === 3 ? Promise.reject(new Error("ENOSPC: no space left on device")) : super.putFile(key, file, contentType);
      }
    }
    const refused = await refusedRestore(backup, (root) => new FillingStorage(root));
    expect(refused.error.message).toMatch(/ENOSPC/);
    expect(refused.professionals).toEqual({ rows: 0, checksum: "" });
    expect(refused.files).toEqual([]);
  }, 180_000);

  it("leaves alone a file the target storage already holds with other content, and refuses", async () => {
    const targetUrl = await scratch();
    const targetFiles = await folder();
    const storage = new LocalFileStorage(targetFiles);
    await storage.put(storedKeys[0]!, Buffer.from("another file"), "application/pdf");
    await expect(restoreDatabase(targetUrl, storage, backup)).rejects.toThrow(
      new RestoreError(
        `The target storage already holds a file ${storedKeys[0]} with other content: restore into an empty storage, or the one the backup was made from.`,
      ),
    );
    expect(await listFiles(targetFiles)).toEqual([storedKeys[0]]);
    expect((await storage.get(storedKeys[0]!))!.toString()).toBe("another file");
  }, 180_000);

  it("names the damaged or missing part of an incomplete backup", async () => {
    const truncatedPart = await damagedCopy(async (copy) => {
      const part = path.join(copy, "tables", "Professional.00000.json.gz");
      await truncate(part, Math.floor((await readFile(part)).length / 2));
    });
    const truncated = await refusedRestore(truncatedPart);
    expect(truncated.error).toBeInstanceOf(RestoreError);
    expect(truncated.error.message).toBe(
      "Part tables/Professional.00000.json.gz of the backup is damaged or truncated (unexpected end of file): the backup is incomplete.",
    );
    expect(truncated.professionals).toEqual({ rows: 0, checksum: "" });
    expect(truncated.files).toEqual([]);

    const missingPart = await damagedCopy((copy) => rm(path.join(copy, "tables", "Professional.00000.json.gz")));
    expect((await refusedRestore(missingPart)).error.message).toBe(
      "Part tables/Professional.00000.json.gz is missing from the backup: the backup is incomplete.",
    );

    const truncatedManifest = await damagedCopy((copy) => truncate(path.join(copy, "manifest.json"), 500));
    const unreadable = await refusedRestore(truncatedManifest);
    expect(unreadable.error).toBeInstanceOf(RestoreError);
    expect(unreadable.error.message).toBe("The backup's manifest.json is damaged or truncated: the backup is incomplete.");

    const noManifest = await damagedCopy((copy) => rm(path.join(copy, "manifest.json")));
    const notABackup = await refusedRestore(noManifest);
    expect(notABackup.error).toBeInstanceOf(RestoreError);
    expect(notABackup.error.message).toBe(`${noManifest} holds no manifest.json: it is not a backup folder, or the backup is incomplete.`);
  }, 180_000);
});
