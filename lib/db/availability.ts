import pg from "pg";
import { env } from "@/lib/config/env";
import { createReconnectingPool } from "./reconnecting-pool";
import { isDatabaseTimeout, isDatabaseUnavailable, isOutOfConnections, isUnanswered } from "./unavailable";

/** How long a probe's answer is trusted. */
const PROBE_TTL_MS = 1_000;

type State = {
  up: boolean;
  checkedAt: number;
  probe: Promise<boolean> | null;
  pool: pg.Pool | null;
  /** The server refused the app a new connection for lack of slots: the probe must open one too. */
  outOfConnections?: boolean;
  /**
   * The embedded database (PGlite): every connection shares its one backend, so a probe left
   * unanswered waits behind someone's transaction. Unknown until the probe's first answer.
   */
  singleBackend?: boolean;
  /** Called when the probe finds a server that does not answer at all (frozen, cut off). */
  unansweredListeners: Set<() => void>;
};

// One state per process: the proxy, the route handlers and the pool's error handlers share it.
// Away until the first probe says otherwise: a process started while the database is down would
// otherwise let its first requests through to pages that cannot load (« Erreur inattendue », 500).
const holder = globalThis as unknown as { hospiconnectDatabaseState?: State };
const state = (holder.hospiconnectDatabaseState ??= { up: false, checkedAt: 0, probe: null, pool: null, unansweredListeners: new Set() });
// A state kept across a hot reload from before the listeners existed.
state.unansweredListeners ??= new Set();

/**
 * A request or the pool met an outage (`error`, what it met): the next requests wait for a probe,
 * and get 503 until it finds the database back.
 */
export function reportDatabaseUnavailable(error?: unknown): void {
  state.up = false;
  state.checkedAt = 0;
  if (isOutOfConnections(error)) state.outOfConnections = true;
}

/** true: it answers; false: it is away; null: too slow to tell (a busy server is not an absent one). */
async function probe(connectionString: string): Promise<boolean | null> {
  // One connection kept open: on the embedded database, opening one waits for its single backend.
  if (!state.pool) {
    // Reconnecting: the probe's own connection, ended by the server with the app's (a failover),
    // must not make it report an outage of a server that answers.
    state.pool = createReconnectingPool({
      connectionString,
      max: 1,
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: env.DATABASE_ACQUIRE_TIMEOUT_MS,
      query_timeout: env.DATABASE_ACQUIRE_TIMEOUT_MS,
      application_name: "hospiconnect-probe",
    });
    // A connection lost while idle: the next probe finds out whether the server is away.
    state.pool.on("error", () => {});
  }
  try {
    if (state.singleBackend === undefined) {
      const { rows } = await state.pool.query<{ version: string }>("SELECT version()");
      state.singleBackend = /PGlite/.test(rows[0]?.version ?? "");
    } else {
      await state.pool.query("SELECT 1");
    }
    // Every slot taken (53300): the kept connection still answers, the app's new ones are refused.
    // Only then does the probe open one of its own (on the embedded database, which has a single
    // backend and no slots to run out of, it would wait behind the app's transactions).
    if (state.outOfConnections) {
      await openAndClose(connectionString);
      state.outOfConnections = false;
    }
    return true;
  } catch (error) {
    // Nothing answered in time. A server, on the probe's own connection (or a new one): it is frozen
    // or cut off, whatever it has to do, and the connections the app holds to it wait for nothing.
    // The embedded database: its one backend is busy with a transaction (a roster import), not away.
    if (isUnanswered(error)) {
      if (state.singleBackend !== false) return null;
      for (const listener of state.unansweredListeners) listener();
      return false;
    }
    if (isDatabaseTimeout(error)) return null;
    return !isDatabaseUnavailable(error);
  }
}

/**
 * `listener` is called each time the probe finds the server unanswering (never for the embedded
 * database, which is only busy then): the app's pool ends its connections, so that the requests
 * waiting on them fail at once, answered 503, rather than as long as the freeze lasts.
 */
export function onDatabaseUnanswered(listener: () => void): () => void {
  state.unansweredListeners.add(listener);
  return () => state.unansweredListeners.delete(listener);
}

/** Opens a new connection and closes it: whether the server accepts one more. */
async function openAndClose(connectionString: string): Promise<void> {
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis: env.DATABASE_ACQUIRE_TIMEOUT_MS,
    application_name: "hospiconnect-probe",
  });
  client.on("error", () => {});
  try {
    await client.connect();
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Whether the database answers, as known within the last second. While it does, callers never
 * wait (the next check runs in the background); before the first probe and after an outage, each
 * check waits for a probe, so that the app serves again as soon as the database is back, without a restart.
 */
export async function databaseAvailable(connectionString: string): Promise<boolean> {
  if (Date.now() - state.checkedAt < PROBE_TTL_MS) return state.up;
  state.probe ??= probe(connectionString)
    .then((answer) => {
      if (answer !== null) state.up = answer;
      state.checkedAt = Date.now();
      return state.up;
    })
    .finally(() => {
      state.probe = null;
    });
  return state.up ? true : state.probe;
}
