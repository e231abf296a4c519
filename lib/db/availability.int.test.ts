import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { databaseAvailable, onDatabaseUnanswered } from "./availability";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "./embedded/server";

/**
 * The embedded database runs every connection on one backend: while a long transaction holds it
 * (a roster import), the probe's `SELECT 1` waits unanswered. That is a busy database, not a
 * frozen one: the app must keep serving, and no one's connection may be ended (ADR 0012).
 */
describe("the availability probe on the embedded database", () => {
  let database: EmbeddedDatabase | undefined;
  const importer = { client: null as pg.Client | null };

  afterAll(async () => {
    await importer.client?.end().catch(() => undefined);
    await database?.stop();
  });

  it("takes a probe left unanswered behind a long transaction for a busy database, not an absent one", async () => {
    database = await startEmbeddedDatabase({ port: 0 });
    const ended: number[] = [];
    onDatabaseUnanswered(() => ended.push(Date.now()));
    expect(await databaseAvailable(database.url)).toBe(true);

    importer.client = new pg.Client({ connectionString: database.url });
    await importer.client.connect();
    await importer.client.query("BEGIN");
    await importer.client.query("CREATE TEMP TABLE imported (n int)");
    // The transaction holds the backend: a probe now waits past its timeout (the acquire timeout).
    const deadline = Date.now() + env.DATABASE_ACQUIRE_TIMEOUT_MS * 2 + 2_000;
    while (Date.now() < deadline) {
      expect(await databaseAvailable(database.url)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await importer.client.query("COMMIT");
    expect(ended).toEqual([]);
    await expect.poll(() => databaseAvailable(database!.url), { timeout: 15_000 }).toBe(true);
  }, 60_000);
});
