import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrations";
import type { FileStorage } from "@/lib/storage";
import { type BackupManifest, readManifest, readTablePart, RestoreError, ROWS_PER_PART, verifyBackupFolder } from "./backup-folder";
import { filesToPut, putFilesThen } from "./restore-files";
import { tableFingerprints, tablesInLoadOrder } from "./tables";

/** Filled by the migrations themselves, so present in a fresh database: replaced by the backup's. */
const REFERENCE_TABLES = new Set(["EstablishmentCategory", "Profession"]);

/**
 * Restores a backup written by `backupDatabase` into a fresh database (migrated here, refused if
 * it already holds data) and `storage`, all or nothing. Before anything is written: the manifest,
 * every table part's presence, every file's size and hash, and the storage (a file it holds
 * already must be the backup's own). Then every table in one transaction, checked against the
 * manifest's row counts and checksums, the missing files put, and the commit; a failure after the
 * first put deletes what was put. Anything that does not match leaves the database and the storage
 * as they were (ADR 0012).
 */
export async function restoreDatabase(connectionString: string, storage: FileStorage, directory: string): Promise<BackupManifest> {
  const manifest = await readManifest(directory);
  await verifyBackupFolder(directory, manifest);
  const missingFiles = await filesToPut(storage, manifest.files);
  await migrateDatabase(connectionString);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows: migrations } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    if (migrations.map((row) => row.name).join() !== manifest.migrations.join()) {
      throw new RestoreError("This backup was made with another version of the app (other migrations): restore it with that version.");
    }
    await client.query("BEGIN");
    const tables = await tablesInLoadOrder(client);
    for (const table of tables) {
      if (REFERENCE_TABLES.has(table)) continue;
      const { rows } = await client.query(`SELECT 1 FROM "${table}" LIMIT 1`);
      if (rows.length) throw new RestoreError(`The target database is not empty (table ${table} has rows): restore into a fresh database.`);
    }
    for (const table of [...tables].reverse()) if (REFERENCE_TABLES.has(table)) await client.query(`DELETE FROM "${table}"`);

    const written = await writtenColumns(client);
    for (const table of tables) {
      const columns = written.get(table)!;
      for (let part = 0; part * ROWS_PER_PART < (manifest.tables[table]?.rows ?? 0); part += 1) {
        const json = await readTablePart(directory, table, part);
        await client.query(
          `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
          [json],
        );
      }
    }
    // Identity and serial columns continue after the restored rows.
    const { rows: counters } = await client.query<{ table: string; column: string; sequence: string }>(`
      SELECT table_name AS table, column_name AS column, pg_get_serial_sequence(format('%I', table_name), column_name) AS sequence
      FROM information_schema.columns
      WHERE table_schema = 'public' AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`);
    for (const counter of counters) {
      await client.query(`SELECT setval($1, (SELECT coalesce(max("${counter.column}"), 0) + 1 FROM "${counter.table}"), false)`, [
        counter.sequence,
      ]);
    }

    const restored = await tableFingerprints(client);
    const different = Object.keys({ ...manifest.tables, ...restored }).filter(
      (table) => JSON.stringify(restored[table]) !== JSON.stringify(manifest.tables[table]),
    );
    if (different.length) throw new RestoreError(`Restored tables differ from the backup: ${different.join(", ")}.`);

    await putFilesThen(storage, directory, missingFiles, () => client.query("COMMIT"));
    return manifest;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** Each table's columns as a quoted list, generated ones left out: the database computes them again. */
async function writtenColumns(client: pg.ClientBase): Promise<Map<string, string>> {
  const { rows } = await client.query<{ table: string; columns: string }>(`
    SELECT table_name AS table, string_agg(format('%I', column_name), ', ' ORDER BY ordinal_position) AS columns
    FROM information_schema.columns
    WHERE table_schema = 'public' AND is_generated = 'NEVER'
    GROUP BY table_name`);
  return new Map(rows.map((row) => [row.table, row.columns]));
}
