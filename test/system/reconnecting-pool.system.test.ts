import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { createReconnectingPool } from "@/lib/db/reconnecting-pool";
import { type PostgresCluster, startPostgresCluster } from "./postgres-cluster";

/**
 * A connection the server ends while it sits idle in the pool (a failover, pg_terminate_backend):
 * the next read must not fail on it. The race is made certain: the server ends the session while
 * this process's event loop is blocked, so pg has not read the closing message when the read is sent.
 * On a server of its own: the embedded database has one session, which no one ends.
 */
describe("a pool connection ended by the server", () => {
  let cluster: PostgresCluster;
  let databaseUrl: string;
  let db: Db;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    databaseUrl = await cluster.createDatabase("app");
    await migrateDatabase(databaseUrl);
    db = createDb(databaseUrl, 1);
    await db.$executeRaw`CREATE TABLE drill_rows (label text NOT NULL)`;
  });

  afterAll(async () => {
    await db?.$disconnect();
    await cluster?.destroy();
  });

  /** Ends the pool's one session and waits for it to be gone, without letting this process read its socket. */
  async function endPooledSession(): Promise<void> {
    const [{ pid }] = await db.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
    execFileSync("psql", [databaseUrl, "-qAtc", `SELECT pg_terminate_backend(${pid}, 5000)`]);
  }

  it("runs a read again on a new connection", async () => {
    await endPooledSession();
    expect(await db.$queryRaw`SELECT 1 AS up`).toEqual([{ up: 1 }]);
    await endPooledSession();
    expect(await db.user.count({ where: { email: "personne@exemple.fr" } })).toBe(0);
    // A roster is read as one statement of common table expressions.
    await endPooledSession();
    expect(await db.$queryRaw`WITH one AS (SELECT 1 AS up) SELECT up FROM one`).toEqual([{ up: 1 }]);
  });

  it("runs a read given as text again too (the availability probe's)", async () => {
    const pool = createReconnectingPool({ connectionString: databaseUrl, max: 1 });
    try {
      const { rows } = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      execFileSync("psql", [databaseUrl, "-qAtc", `SELECT pg_terminate_backend(${rows[0]!.pid}, 5000)`]);
      expect((await pool.query("SELECT 1 AS up")).rows).toEqual([{ up: 1 }]);
    } finally {
      await pool.end();
    }
  });

  it("starts a transaction again on a new connection: nothing ran in it yet", async () => {
    // An interactive transaction, as a page's consistent reads or a use case's writes.
    await endPooledSession();
    expect(await db.$transaction(async (tx) => tx.user.count({ where: { email: "personne@exemple.fr" } }))).toBe(0);
    await endPooledSession();
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO drill_rows (label) VALUES ('interactive')`;
    });
    // A batch, and a transaction at another isolation level (BEGIN, then SET TRANSACTION).
    await endPooledSession();
    expect(await db.$transaction([db.user.count(), db.$queryRaw`SELECT 1 AS up`])).toEqual([0, [{ up: 1 }]]);
    await endPooledSession();
    expect(
      await db.$transaction(async (tx) => tx.$queryRaw`SELECT current_setting('transaction_isolation') AS level`, {
        isolationLevel: "RepeatableRead",
      }),
    ).toEqual([{ level: "repeatable read" }]);
    expect(await db.$queryRaw`SELECT label FROM drill_rows`).toEqual([{ label: "interactive" }]);
  });

  it("never runs a transaction again once a statement ran in it", async () => {
    let runs = 0;
    await expect(
      db.$transaction(async (tx) => {
        runs += 1;
        await tx.$executeRaw`INSERT INTO drill_rows (label) VALUES ('cut')`;
        const [{ pid }] = await tx.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
        execFileSync("psql", [databaseUrl, "-qAtc", `SELECT pg_terminate_backend(${pid}, 5000)`]);
        await tx.$executeRaw`INSERT INTO drill_rows (label) VALUES ('after')`;
      }),
    ).rejects.toThrow(/terminat|Connection|closed/i);
    expect(runs).toBe(1);
    expect(await db.$queryRaw`SELECT label FROM drill_rows WHERE label IN ('cut', 'after')`).toEqual([]);
  });

  it("never runs a write twice: it fails as the connection did", async () => {
    await endPooledSession();
    await expect(db.$executeRaw`UPDATE "User" SET email = email WHERE false`).rejects.toThrow(/terminat|Connection|closed/i);
    // The pool has dropped the dead connection: the next write goes through.
    expect(await db.$executeRaw`UPDATE "User" SET email = email WHERE false`).toBe(0);
  });
});
