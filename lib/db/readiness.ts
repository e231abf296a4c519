import { readdir } from "node:fs/promises";
import path from "node:path";
import { db as appDb, type Db } from "./client";
import { isDatabaseUnavailable } from "./unavailable";

export type Readiness =
  | { ready: true; migrations: number }
  | { ready: false; reason: "database-unavailable" }
  | { ready: false; reason: "migrations-pending"; pending: string[] };

/** The migrations this build expects: prisma/migrations, as `npm start` and `prisma migrate deploy` apply them. */
async function expectedMigrations(): Promise<string[]> {
  const entries = await readdir(path.resolve("prisma/migrations"), { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

/**
 * Whether this instance can serve: the database answers and has every migration of this build
 * applied (an instance of a newer release started before its migrations ran is not ready).
 */
export async function checkReadiness(db: Db = appDb): Promise<Readiness> {
  try {
    // An empty database has no migration table yet: every migration is pending.
    const applied = await db.$queryRaw<Array<{ migration_name: string }>>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
      AND to_regclass('_prisma_migrations') IS NOT NULL`.catch((error: unknown) => {
      if (isDatabaseUnavailable(error) || !/_prisma_migrations/.test(String((error as Error).message))) throw error;
      return [];
    });
    const done = new Set(applied.map((row) => row.migration_name));
    const pending = (await expectedMigrations()).filter((name) => !done.has(name)).sort();
    return pending.length ? { ready: false, reason: "migrations-pending", pending } : { ready: true, migrations: done.size };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ready: false, reason: "database-unavailable" };
    throw error;
  }
}
