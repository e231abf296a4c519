import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import pg from "pg";
import { env } from "@/lib/config/env";
import { startEmbeddedDatabase } from "@/lib/db/embedded/server";
import { migrateDatabase } from "@/lib/db/migrations";

/** Where a running `npm start` publishes its embedded database's address, for commands run beside it. */
const RUNNING_URL_FILE = `${env.EMBEDDED_DB_DIR}.url`;

export async function publishEmbeddedUrl(url: string): Promise<() => Promise<void>> {
  await writeFile(RUNNING_URL_FILE, url, { mode: 0o600 });
  return () => rm(RUNNING_URL_FILE, { force: true });
}

async function runningEmbeddedUrl(): Promise<string | null> {
  if (!existsSync(RUNNING_URL_FILE)) return null;
  const url = (await readFile(RUNNING_URL_FILE, "utf8")).trim();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Runs `work` against the configured database: `DATABASE_URL` when set; otherwise the embedded
 * PostgreSQL of a running `npm start` (its data folder is locked while it runs), or the embedded
 * PostgreSQL in `EMBEDDED_DB_DIR`, started for the duration of the call.
 */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (env.DATABASE_URL) return work(env.DATABASE_URL);
  const running = await runningEmbeddedUrl();
  if (running) return work(running);
  const embedded = await startEmbeddedDatabase({ dataDir: env.EMBEDDED_DB_DIR });
  try {
    return await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/**
 * The owner's connection to the database `url` serves (ADR 0036): DATABASE_MIGRATION_URL beside a
 * DATABASE_URL, otherwise `url` itself (a single role, or the embedded database, which has one).
 */
export function migrationUrl(url: string): string {
  return env.DATABASE_URL && env.DATABASE_MIGRATION_URL ? env.DATABASE_MIGRATION_URL : url;
}

/**
 * Applies pending migrations as the owner. With an owner apart from the runtime role, also installs
 * the job queue's schema and queues as the owner: the runtime role may not create tables.
 */
export async function migrateAsOwner(url: string): Promise<string[]> {
  const owner = migrationUrl(url);
  const applied = await migrateDatabase(owner);
  if (owner !== url) {
    // Loaded here only: the registry brings every job's use case with it.
    const { installJobQueue } = await import("@/lib/jobs/worker");
    await installJobQueue(owner);
  }
  return applied;
}
