import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm";
import { openSchemaEngine } from "./schema-engine";

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/** Reads `prisma/migrations` the way `prisma migrate deploy` does: one folder per migration, in name order. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(path.join(dir, folder, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

/**
 * Applies the migrations not yet applied, recording them in `_prisma_migrations` with the same
 * checksums as `prisma migrate deploy`, so either tool can take over the same database.
 */
export async function migrateDatabase(
  connectionString: string,
  { dir = MIGRATIONS_DIR, schemaPath = SCHEMA_PATH } = {},
): Promise<string[]> {
  const engine = await openSchemaEngine(connectionString, await readFile(schemaPath, "utf8"));
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrations(dir),
      filters: NO_FILTER,
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * The SQL that takes a database from one schema to another, as `prisma migrate dev` would write it.
 * `from: null` means an empty database. The engine needs a connection but reads nothing from it.
 */
export async function diffSchemas(connectionString: string, from: string | null, to: string): Promise<string> {
  const engine = await openSchemaEngine(connectionString, to);
  try {
    const asTarget = (content: string) => ({
      tag: "schemaDatamodel" as const,
      files: [{ path: "schema.prisma", content }],
    });
    const { stdout } = await engine.diff({
      from: from === null ? { tag: "empty" } : asTarget(from),
      to: asTarget(to),
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return stdout ?? "";
  } finally {
    engine.free();
  }
}
