import { chmod, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "./server";

/** Several clients share the one PGlite backend without seeing each other's unfinished work. */
describe("embedded PostgreSQL server", () => {
  let database: EmbeddedDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await startEmbeddedDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 6 });
    await pool.query("CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)");
    await pool.query("INSERT INTO counter VALUES (1, 0)");
  });

  afterAll(async () => {
    await pool.end();
    await database.stop();
  });

  it("runs concurrent transactions from several connections one after another", async () => {
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const { rows } = await client.query<{ value: number }>("SELECT value FROM counter WHERE id = 1");
          await client.query("UPDATE counter SET value = $1 WHERE id = 1", [rows[0]!.value + 1]);
          await client.query(i % 5 === 0 ? "ROLLBACK" : "COMMIT");
        } finally {
          client.release();
        }
      }),
    );
    // A lost update would leave fewer than 32 increments (40 minus the 8 rolled back).
    const { rows } = await pool.query<{ value: number }>("SELECT value FROM counter WHERE id = 1");
    expect(rows[0]!.value).toBe(32);
  });

  it("rolls back what a client left open when it disconnects", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query("BEGIN");
    await client.query("UPDATE counter SET value = -1 WHERE id = 1");
    await client.end();
    const { rows } = await pool.query<{ value: number }>("SELECT value FROM counter WHERE id = 1");
    expect(rows[0]!.value).toBe(32);
  });

  it("keeps parameters bound to their own statement under concurrency", async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => pool.query<{ n: number; s: string }>("SELECT $1::int AS n, $2::text AS s", [i, `v${i}`])),
    );
    results.forEach((result, i) => expect(result.rows[0]).toEqual({ n: i, s: `v${i}` }));
  });
});

/** PGlite writes its files 0666: its folder, 0700, is what keeps other accounts out of the database. */
describe.skipIf(process.platform === "win32")("embedded PostgreSQL's data folder", () => {
  const mode = async (folder: string) => (await stat(folder)).mode & 0o777;

  it("is created with the folder above it for the app's account only, and tightened when it was open", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "hospiconnect-pglite-"));
    try {
      const created = path.join(root, ".data", "pglite");
      const database = await startEmbeddedDatabase({ dataDir: created });
      await database.stop();
      expect((await readdir(path.join(created, "global"))).length).toBeGreaterThan(0);
      expect([await mode(path.join(root, ".data")), await mode(created)]).toEqual([0o700, 0o700]);

      await chmod(created, 0o755);
      const reopened = await startEmbeddedDatabase({ dataDir: created });
      await reopened.stop();
      expect(await mode(created)).toBe(0o700);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);
});
