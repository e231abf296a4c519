import { PrismaPg } from "@prisma/adapter-pg";
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
  const retried = (queryConfig: pg.QueryConfig): Promise<pg.QueryResult> =>
    againOnLostConnection(
      pool,
      () => query(queryConfig),
      () => readsOnly(queryConfig.text),
    );
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

/**
 * Prisma's pg adapter on such a pool, whose transactions survive those connections too. The
 * adapter starts a transaction on a connection of its own (`pool.connect()`, then `BEGIN`, and
 * `SET TRANSACTION` for another isolation level): on one the server ended, `BEGIN` fails, and the
 * page or route that opened the transaction (a section's save, a roster import, a decision, or
 * one of Prisma's own around a nested write) would show « Erreur inattendue » or « réessayez » with
 * the database up. Nothing of the transaction has run then: it is started again on another
 * connection (the adapter has dropped the dead one). Only its start: a statement of the transaction
 * that meets a lost connection fails the transaction, which is never run again. No statement is
 * added: a transaction costs what it did.
 */
export class ReconnectingPrismaPg extends PrismaPg {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool, options?: ConstructorParameters<typeof PrismaPg>[1]) {
    super(pool, options);
    this.#pool = pool;
  }

  override async connect() {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = (isolationLevel) =>
      againOnLostConnection(
        this.#pool,
        () => startTransaction(isolationLevel),
        () => true,
      );
    return adapter;
  }
}

/**
 * Runs `work` again while it fails on a lost connection and `changedNothing()`. Each attempt that
 * meets a dead connection drops it, and the pool holds no more than `max` of them: `max` + 1
 * attempts reach a live one, or a server that is really away.
 */
async function againOnLostConnection<T>(pool: pg.Pool, work: () => Promise<T>, changedNothing: () => boolean): Promise<T> {
  const attempts = (pool.options.max ?? 10) + 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isConnectionLost(error) || !changedNothing()) throw error;
    }
  }
}
