// The database never reaches the browser: a client component that imports this fails the build.
// Scripts, Playwright and Vitest read `server-only` as an empty module (tsconfig.json, vitest.config.ts).
import "server-only";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/observability/logger";
import { reportDatabaseUnavailable } from "./availability";
import { PrismaClient } from "./generated/client";
import { createReconnectingPool, ReconnectingPrismaPg } from "./reconnecting-pool";
import { isDatabaseTimeout, isDatabaseUnavailable } from "./unavailable";

export type Db = PrismaClient;

/**
 * Creates a Prisma client on `@prisma/adapter-pg`. The pool has an acquire timeout (pg's default
 * waits forever) and swallows idle-connection errors, so a database restart makes requests fail
 * fast and the app recovers on its own instead of crashing; a read, or the start of a transaction,
 * that met a connection the server had ended is run again on a new one (reconnecting-pool.ts).
 * Its sessions start with a lock and a statement timeout: a table locked by someone else, or a
 * stalled query, would otherwise hold the connection as long as it lasts, and ten such requests the
 * whole pool.
 */
export function createDb(connectionString: string, poolSize = env.DATABASE_POOL_SIZE): Db {
  const pool = createReconnectingPool({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: env.DATABASE_ACQUIRE_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    lock_timeout: env.DATABASE_LOCK_TIMEOUT_MS,
    statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS,
  });
  const adapter = new ReconnectingPrismaPg(pool, {
    // The pool is the client's own: $disconnect closes it.
    disposeExternalPool: true,
    onPoolError: (error) => connectionLost("idle connection lost", error),
    onConnectionError: (error) => connectionLost("connection error", error),
  });
  // A transaction waits for a connection as long as any query does (Prisma's own default is 2 s).
  return new PrismaClient({ adapter, transactionOptions: { maxWait: env.DATABASE_ACQUIRE_TIMEOUT_MS } });
}

function connectionLost(what: string, error: Error): void {
  logger.warn({ err: { message: error.message } }, `database: ${what}`);
  if (isDatabaseUnavailable(error) && !isDatabaseTimeout(error)) reportDatabaseUnavailable();
}

const globalForDb = globalThis as unknown as { db?: Db };

function connectionString(): string {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides the embedded database.");
  }
  return env.DATABASE_URL;
}

/**
 * The app's shared client, created on first use (so that building the app needs no database) and
 * kept across hot reloads in development.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = (globalForDb.db ??= createDb(connectionString()));
    const value: unknown = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** For command-line scripts: points the shared client at a database chosen at run time. */
export function connectDb(connectionString: string, poolSize = 2): Db {
  globalForDb.db = createDb(connectionString, poolSize);
  return globalForDb.db;
}
