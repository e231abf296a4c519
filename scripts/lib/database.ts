import { mkdir } from "node:fs/promises";
import { env } from "@/lib/config/env";
import { startEmbeddedDatabase } from "@/lib/db/embedded/server";

/**
 * Runs `work` against the configured database: `DATABASE_URL` when set, otherwise the embedded
 * PostgreSQL in `EMBEDDED_DB_DIR`, started for the duration of the call.
 */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (env.DATABASE_URL) return work(env.DATABASE_URL);
  await mkdir(env.EMBEDDED_DB_DIR, { recursive: true });
  const embedded = await startEmbeddedDatabase({ dataDir: env.EMBEDDED_DB_DIR });
  try {
    return await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}
