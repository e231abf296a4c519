import { randomBytes } from "node:crypto";
import pg from "pg";
import { databaseUrlOn } from "./database-url";
import { startEmbeddedDatabase } from "./embedded/server";

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

/**
 * A throw-away empty database: a new database on the PostgreSQL server at `serverUrl` when given,
 * otherwise an in-memory embedded PostgreSQL. Tests and benchmarks use it; nothing it holds survives.
 * `name` gives a known name to a database on the server, replacing one a killed run left behind.
 */
export async function openScratchDatabase(
  serverUrl?: string,
  name = `scratch_${randomBytes(6).toString("hex")}`,
): Promise<ScratchDatabase> {
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase();
    return { url: embedded.url, drop: embedded.stop };
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrlOn(serverUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
