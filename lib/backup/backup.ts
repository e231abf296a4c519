import { createHash } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import pg from "pg";
import type { FileStorage } from "@/lib/storage";
import { makePrivateFolder, writePrivateFile } from "@/lib/storage/private-files";
import { type BackupManifest, backupFilePath, ROWS_PER_PART, tablePartName } from "./backup-folder";
import { referencedStorageKeys, tableFingerprints, tablesInLoadOrder } from "./tables";

const gzipAsync = promisify(gzip);

/**
 * Writes a backup of the app's data into `directory`: every table of the app, read in one
 * consistent snapshot (rows as JSON, gzipped, 2,000 per file), the files the database refers to,
 * and a manifest with each table's row count and checksum and each file's hash, which the restore
 * checks. Works the same on the embedded database (through its socket) and on PostgreSQL.
 * The job queue's own tables are not kept: schedules are recreated by the workers. Like the storage,
 * the backup is readable by the app's account only (0700 folders, 0600 files): it holds all of it.
 */
export async function backupDatabase(connectionString: string, storage: FileStorage, directory: string): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await makePrivateFolder(directory);
    await makePrivateFolder(path.join(directory, "tables"));
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows: migrations } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    for (const table of await tablesInLoadOrder(client)) await dumpTable(client, table, directory);
    const tables = await tableFingerprints(client);
    const keys = await referencedStorageKeys(client);
    await client.query("COMMIT");

    const files: BackupManifest["files"] = [];
    for (const key of keys) {
      const bytes = await storage.get(key);
      if (!bytes) throw new Error(`Stored file ${key} is referenced by the database but missing from storage.`);
      await makePrivateFolder(path.dirname(backupFilePath(directory, key)));
      await writePrivateFile(backupFilePath(directory, key), bytes);
      files.push({ key, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
    }
    const manifest: BackupManifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      migrations: migrations.map((row) => row.name),
      tables,
      files,
    };
    await writePrivateFile(path.join(directory, "manifest.json"), JSON.stringify(manifest, null, 2));
    return manifest;
  } finally {
    await client.end();
  }
}

async function dumpTable(client: pg.Client, table: string, directory: string): Promise<void> {
  await client.query(`DECLARE rows_of_table NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM "${table}" t`);
  for (let part = 0; ; part += 1) {
    const { rows } = await client.query<{ row: string }>(`FETCH ${ROWS_PER_PART} FROM rows_of_table`);
    if (rows.length === 0) break;
    const file = path.join(directory, "tables", tablePartName(table, part));
    await writePrivateFile(file, await gzipAsync(`[${rows.map((row) => row.row).join(",")}]`));
  }
  await client.query("CLOSE rows_of_table");
}
