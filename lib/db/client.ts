// The database never reaches the browser: a client component that imports this fails the build.
// Scripts, Playwright and Vitest read `server-only` as an empty module (tsconfig.json, vitest.config.ts).
import "server-only";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/observability/logger";
import type pg from "pg";
import { databaseAvailable, onDatabaseUnanswered, reportDatabaseUnavailable } from "./availability";
import { PrismaClient } from "./generated/client";
import { createReconnectingPool, ReconnectingPrismaPg } from "./reconnecting-pool";
import { isDatabaseTimeout, isDatabaseUnavailable } from "./unavailable";

export type Db = PrismaClient;

type DbOptions = {
  /** The server's shared client: a frozen server has its connections ended (watchHeldConnections). */
  watchHeld?: boolean;
};

/**
 * Creates a Prisma client on `@prisma/adapter-pg`. The pool has an acquire timeout (pg's default
 * waits forever) and swallows idle-connection errors, so a database restart makes requests fail
 * fast and the app recovers on its own instead of crashing; a read, or the start of a transaction,
 * that met a connection the server had ended is run again on a new one (reconnecting-pool.ts).
 * Its sessions start with a lock and a statement timeout: a table locked by someone else, or a
 * stalled query, would otherwise hold the connection as long as it lasts, and ten such requests the
 * whole pool.
 */
export function createDb(connectionString: string, poolSize = env.DATABASE_POOL_SIZE, { watchHeld = false }: DbOptions = {}): Db {
  const pool = createReconnectingPool({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: env.DATABASE_ACQUIRE_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    lock_timeout: env.DATABASE_LOCK_TIMEOUT_MS,
    statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS,
  });
  if (watchHeld) watchHeldConnections(pool, connectionString);
  const adapter = new ReconnectingPrismaPg(pool, {
    // The pool is the client's own: $disconnect closes it.
    disposeExternalPool: true,
    onPoolError: (error) => connectionLost("idle connection lost", error),
    onConnectionError: (error) => connectionLost("connection error", error),
  });
  // A transaction waits for a connection as long as any query does (Prisma's own default is 2 s).
  return new PrismaClient({ adapter, transactionOptions: { maxWait: env.DATABASE_ACQUIRE_TIMEOUT_MS } });
}

/**
 * A server frozen mid-answer (SIGSTOP, a stalled VM, a network cut without reset) leaves every
 * request holding a connection waiting as long as it lasts: no server-side timeout runs, and pg
 * has no client-side one unless told, which would cut the long statements a live server runs
 * (an import, an export, a backup) as well. Instead, a connection held longer than the acquire
 * timeout has the availability probe asked whether the server still answers a `SELECT 1` on its
 * own connection (once a second at most, whatever the number of requests), and again as long as it
 * is held; when it does not, the
 * pool's connections are ended, and the requests on them fail at once (503 « réessayez »: the page,
 * the API, their transactions rolled back by the server as it resumes). A live server answers the
 * probe whatever it is busy with, so nothing of it is cut; the embedded database is never taken
 * for frozen (one backend, busy: availability.ts). Only the app's shared client is watched: it
 * serves the requests, and shares the probe's one connection string.
 */
function watchHeldConnections(pool: pg.Pool, connectionString: string): void {
  const open = new Set<pg.PoolClient>();
  const watched = new Map<pg.PoolClient, NodeJS.Timeout>();
  const stopWatching = (client: pg.PoolClient) => {
    clearInterval(watched.get(client));
    watched.delete(client);
  };
  pool.on("connect", (client) => open.add(client));
  pool.on("remove", (client) => {
    open.delete(client);
    stopWatching(client);
  });
  pool.on("acquire", (client) => {
    stopWatching(client);
    // Again while it is held: a probe another request ran a moment ago is trusted for a second.
    const timer = setInterval(() => void databaseAvailable(connectionString), env.DATABASE_ACQUIRE_TIMEOUT_MS);
    // A request waits on its query, not on this timer: the process may exit before it fires.
    timer.unref();
    watched.set(client, timer);
  });
  pool.on("release", (_error, client) => stopWatching(client));
  onDatabaseUnanswered(() => {
    if (open.size === 0) return;
    logger.warn({ connections: open.size }, "database: the server does not answer, its connections are ended");
    // pg has no other way to give up a query under way: its socket is closed, and the query fails
    // with « Connection terminated unexpectedly » (an outage: lib/db/unavailable.ts).
    for (const client of open) (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  });
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
    const client = (globalForDb.db ??= createDb(connectionString(), env.DATABASE_POOL_SIZE, { watchHeld: true }));
    const value: unknown = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** For command-line scripts: points the shared client at a database chosen at run time. */
export function connectDb(connectionString: string, poolSize = 2): Db {
  globalForDb.db = createDb(connectionString, poolSize);
  return globalForDb.db;
}
