/**
 * Tells a database outage (server down, restarting, unreachable, out of connections) from any
 * other error, through the codes Prisma, its pg adapter, pg and PostgreSQL give it, so that
 * callers answer 503 « réessayez » rather than 500 « erreur inattendue ».
 */
/** P2024: no connection free in time; P2028: a transaction could not start, or outlived its time, under load. */
const PRISMA_OUTAGE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const ADAPTER_OUTAGE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const NODE_OUTAGE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
/**
 * PostgreSQL classes 08 (connection exception), 53 (insufficient resources: a full disk 53100, no
 * memory 53200, every connection slot taken 53300) and 57P (operator intervention: shutdown,
 * restart), a server that refuses writes (25006: a standby, as after a failover, or one switched
 * read-only), and the statements it cancelled after `lock_timeout` (55P03) or `statement_timeout` (57014).
 */
const POSTGRES_OUTAGE_CODE = /^(08...|53...|57P0[1-4]|55P03|57014|25006)$/;
/** A lock or a statement that outlived its time: a busy database, not an absent one. */
const POSTGRES_TIMEOUT_CODE = /^(55P03|57014)$/;
const OUTAGE_MESSAGE =
  /Connection terminated|Can't reach database server|timeout exceeded when trying to connect|Query read timeout|terminating connection due to|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error|Connection ended unexpectedly/i;

type ErrorLike = {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const candidate = error as ErrorLike;
  if (
    typeof candidate.code === "string" &&
    (PRISMA_OUTAGE_CODES.has(candidate.code) || NODE_OUTAGE_CODES.has(candidate.code) || POSTGRES_OUTAGE_CODE.test(candidate.code))
  ) {
    return true;
  }
  if (typeof candidate.kind === "string" && ADAPTER_OUTAGE_KINDS.has(candidate.kind)) return true;
  if (typeof candidate.originalCode === "string" && POSTGRES_OUTAGE_CODE.test(candidate.originalCode)) return true;
  if (typeof candidate.message === "string" && OUTAGE_MESSAGE.test(candidate.message)) return true;
  return isDatabaseUnavailable(candidate.meta?.driverAdapterError, depth + 1) || isDatabaseUnavailable(candidate.cause, depth + 1);
}

const TIMEOUT_MESSAGE = /timeout exceeded|timed out|Timed out fetching/i;

/**
 * An outage error that only says the database was too slow (no connection free in time, a
 * connection that took too long): an overloaded server, not an absent one.
 */
export function isDatabaseTimeout(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const candidate = error as ErrorLike;
  if (candidate.code === "P2024" || candidate.code === "P2028" || candidate.code === "ETIMEDOUT" || candidate.kind === "SocketTimeout")
    return true;
  for (const code of [candidate.code, candidate.originalCode])
    if (typeof code === "string" && POSTGRES_TIMEOUT_CODE.test(code)) return true;
  if (typeof candidate.message === "string" && TIMEOUT_MESSAGE.test(candidate.message)) return true;
  return isDatabaseTimeout(candidate.meta?.driverAdapterError, depth + 1) || isDatabaseTimeout(candidate.cause, depth + 1);
}

/** pg's own timeouts: a query sent and never answered, a connection opened and never accepted. */
const UNANSWERED_MESSAGE = /Query read timeout|Connection terminated due to connection timeout/i;

/**
 * The server said nothing in time (a query, or a new connection's start, left unanswered), as
 * opposed to refusing or cancelling: a frozen server or a cut network, or on the embedded
 * database a single backend busy with someone else's transaction (availability.ts tells them apart).
 */
export function isUnanswered(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const candidate = error as ErrorLike;
  if (typeof candidate.message === "string" && UNANSWERED_MESSAGE.test(candidate.message)) return true;
  return isUnanswered(candidate.meta?.driverAdapterError, depth + 1) || isUnanswered(candidate.cause, depth + 1);
}

/**
 * The server refused a new connection because every slot is taken (53300 « too many clients »,
 * or the slots left are reserved): it still answers on the connections already open, the
 * availability probe's included, which therefore prove nothing until a new one opens (availability.ts).
 */
export function isOutOfConnections(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const candidate = error as ErrorLike;
  if (candidate.code === "53300" || candidate.originalCode === "53300" || candidate.kind === "TooManyConnections") return true;
  return isOutOfConnections(candidate.meta?.driverAdapterError, depth + 1) || isOutOfConnections(candidate.cause, depth + 1);
}

/** PostgreSQL ended the session: terminated by an administrator or a failover (57P01), crash (57P02), idle-session timeout (57P05). */
const SESSION_ENDED_CODE = /^57P0[125]$/;
const LOST_MESSAGE = /Connection terminated|terminating connection due to|Client has encountered a connection error and is not queryable/i;

/**
 * A pg error of a connection that was open and is no more (ended by the server, or its socket
 * broke), as opposed to one that could not be opened or a statement that failed: the statement
 * may be run again on another connection if it changed nothing (lib/db/reconnecting-pool.ts).
 * As pg gives it, or as Prisma's pg adapter passes it on when a transaction starts: a
 * `DriverAdapterError` whose cause is pg's error, or `{ kind: "ConnectionClosed" }` for a reset socket.
 */
export function isConnectionLost(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 1) return false;
  const { code, kind, message, cause } = error as ErrorLike;
  // A connection that never opened (the pool gave up on it, whatever its socket's end says): running
  // the work again would only wait as long once more, on a server that does not answer.
  if (isUnanswered(error)) return false;
  if (kind === "ConnectionClosed") return true;
  if (typeof code === "string" && (SESSION_ENDED_CODE.test(code) || code === "ECONNRESET" || code === "EPIPE")) return true;
  if (typeof message === "string" && LOST_MESSAGE.test(message)) return true;
  return isConnectionLost(cause, depth + 1);
}
