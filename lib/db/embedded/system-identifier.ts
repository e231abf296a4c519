import { readFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";

/**
 * PostgreSQL's system identifier, drawn at random when a data folder is initialised: it tells one
 * embedded database from another (PGlite reports `/pglite/data` as every folder's data_directory).
 * `dataDirSystemIdentifier` reads it from the folder, the first 8 bytes of `global/pg_control`
 * (little-endian: PGlite is WebAssembly, whatever the machine); null when the folder holds no
 * database. `servedSystemIdentifier` asks the server a connection reaches.
 */
export async function dataDirSystemIdentifier(dataDir: string): Promise<string | null> {
  try {
    const control = await readFile(path.join(dataDir, "global", "pg_control"));
    return control.readBigUInt64LE(0).toString();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export async function servedSystemIdentifier(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ id: string }>("SELECT system_identifier::text AS id FROM pg_control_system()");
  return rows[0]!.id;
}
