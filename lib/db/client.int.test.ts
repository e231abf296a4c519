import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "./client";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "./embedded/server";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address() as { port: number };
      server.close(() => resolve(address.port));
    });
  });
}

/**
 * The database goes away and comes back: requests fail fast (no hang, no crash of the process),
 * and the same client works again once the server is back, without a restart of the app.
 */
describe("database outage", () => {
  let database: EmbeddedDatabase | undefined;

  afterAll(async () => {
    await database?.stop();
  });

  it("fails fast while the database is down and recovers on its own", async () => {
    const port = await freePort();
    database = await startEmbeddedDatabase({ port });
    const db = createDb(database.url, 2);
    expect(await db.$queryRaw`SELECT 1 AS up`).toEqual([{ up: 1 }]);

    await database.stop();
    // Rejected, not left pending (the pool's acquire timeout; a hang would exceed the test's timeout).
    await expect(db.$queryRaw`SELECT 1 AS up`).rejects.toThrow();

    database = await startEmbeddedDatabase({ port });
    await expect.poll(async () => db.$queryRaw`SELECT 1 AS up`.catch(() => null), { timeout: 15_000 }).toEqual([{ up: 1 }]);
    await db.$disconnect();
  }, 60_000);
});
