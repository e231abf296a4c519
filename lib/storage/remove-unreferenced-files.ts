import type { Db } from "@/lib/db/client";
import type { FileStorage } from "./file-storage";
import { REFERENCED_KEYS_SQL } from "./referenced-keys";

/** A file younger than this may belong to an upload or a submission whose row is not committed yet. */
export const UNREFERENCED_FILE_GRACE_MS = 86_400_000;
/** Keys looked up in the database per query (PostgreSQL's bind parameters are limited). */
const BATCH = 1_000;

/**
 * The daily pass's clean-up of the storage: removes the files that no row refers to (an upload
 * whose refusal could not remove its file, a receipt of a rolled-back submission, a crash between the two) once
 * they are a day old. A file is referenced by a row of the database (referenced-keys.ts): a background export and
 * a roster import's preview are removed by their own jobs (after 48 hours, 7 days). Returns how many files were removed.
 */
export async function removeUnreferencedFiles(client: Db, storage: FileStorage, now = new Date()): Promise<number> {
  const cutoff = now.getTime() - UNREFERENCED_FILE_GRACE_MS;
  let removed = 0;
  let batch: string[] = [];
  const sweep = async () => {
    const referenced = await referencedKeys(client, batch);
    for (const key of batch) {
      if (referenced.has(key)) continue;
      await storage.delete(key);
      removed++;
    }
    batch = [];
  };
  for await (const object of storage.list()) {
    if (object.modifiedAt.getTime() >= cutoff) continue;
    batch.push(object.key);
    if (batch.length === BATCH) await sweep();
  }
  if (batch.length > 0) await sweep();
  return removed;
}

async function referencedKeys(client: Db, keys: string[]): Promise<Set<string>> {
  const rows = await client.$queryRawUnsafe<{ key: string }[]>(
    `SELECT DISTINCT key FROM (${REFERENCED_KEYS_SQL}) referenced WHERE key = ANY($1::text[])`,
    keys,
  );
  return new Set(rows.map((row) => row.key));
}
