import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import pg from "pg";
import { env } from "@/lib/config/env";
import { startEmbeddedDatabase } from "@/lib/db/embedded/server";
import { dataDirSystemIdentifier, servedSystemIdentifier } from "@/lib/db/embedded/system-identifier";
import { migrateDatabase } from "@/lib/db/migrations";

/** Where a running `npm start` publishes the address of the embedded database in `dataDir`, for commands run beside it. */
function runningUrlFile(dataDir: string): string {
  return `${dataDir}.url`;
}

export async function publishEmbeddedUrl(url: string): Promise<() => Promise<void>> {
  const file = runningUrlFile(env.EMBEDDED_DB_DIR);
  await writeFile(file, url, { mode: 0o600 });
  return () => rm(file, { force: true });
}

/**
 * The address a running `npm start` published for the embedded database in `dataDir`; null when
 * none is, or when nothing answers there any more (a start stopped without removing its file: the
 * folder is free). Refused when another database answers there: the file of a start that did not
 * stop cleanly, whose port another start now uses. Answering its address would back up, restore
 * or change that other database, so the server must prove it serves this folder's database.
 */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | null> {
  const file = runningUrlFile(dataDir);
  if (!existsSync(file)) return null;
  const url = (await readFile(file, "utf8")).trim();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
  } catch {
    await client.end().catch(() => {});
    return null;
  }
  try {
    const [served, own] = await Promise.all([servedSystemIdentifier(client), dataDirSystemIdentifier(dataDir)]);
    if (served === own) return url;
    throw new Error(
      `${file} says the database in ${dataDir} is served at ${url}, but the database answering there is another one ` +
        `(that file was left by an npm start that did not stop cleanly, and another npm start now uses its port). ` +
        `If no npm start serves ${dataDir}, delete ${file} and run the command again.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Runs `work` against the configured database: `DATABASE_URL` when set; otherwise the embedded
 * PostgreSQL in `EMBEDDED_DB_DIR`: the one a running `npm start` serves (its data folder is locked
 * while it runs), or started for the duration of the call.
 */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (env.DATABASE_URL) return work(env.DATABASE_URL);
  const running = await runningEmbeddedUrl(env.EMBEDDED_DB_DIR);
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
