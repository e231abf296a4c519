import pg from "pg";
import { isConnectionLost } from "./unavailable";

/**
 * Whether a statement only reads: a SELECT, or a WITH whose expressions are all reads (one
 * statement reads a whole roster through CTEs). A write anywhere in it, or a row lock, and it is
 * not run again.
 */
export function readsOnly(text: string): boolean {
  return /^\s*(SELECT|WITH)\b/i.test(text) && !/\b(INSERT|UPDATE|DELETE|MERGE)\b/i.test(text);
}

/**
 * A pg pool whose reads survive connections the server ended (a failover, a restart,
 * `pg_terminate_backend`, an idle-session reaper). pg drops such a connection once it reads its
 * closing message, but one handed out before that fails its first statement, and a read under way
 * fails with it: the page that sent it would show « Erreur inattendue » with the database up. A read (`SELECT`, or `WITH`
 * common table expressions that write nothing: `readsOnly`) run outside a
 * transaction (Prisma's reads, through `pool.query`) is then run again, on another connection:
 * its session died with whatever it did, so running it again changes nothing. Writes and
 * transactions are never run twice (the server may have committed before the connection broke);
 * they fail as they did, and route handlers answer « réessayez ».
 */
export function createReconnectingPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  // Each attempt that meets a dead connection drops it: the pool may hold no more than `max` of them.
  const attempts = (config.max ?? 10) + 1;
  const retried = async (queryConfig: pg.QueryConfig): Promise<pg.QueryResult> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await query(queryConfig);
      } catch (error) {
        if (attempt >= attempts || !isConnectionLost(error) || !readsOnly(queryConfig.text)) throw error;
      }
    }
  };
  // The adapter calls query({ text, values, ... }), the availability probe query(text), both awaited;
  // other forms (callbacks, values apart) go to pg unchanged.
  pool.query = ((...args: unknown[]) => {
    const [first] = args;
    if (args.length === 1 && typeof first === "string") return retried({ text: first });
    if (args.length === 1 && typeof first === "object" && first !== null) return retried(first as pg.QueryConfig);
    return (query as (...rest: unknown[]) => unknown)(...args);
  }) as pg.Pool["query"];
  return pool;
}
