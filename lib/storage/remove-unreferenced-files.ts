import type { Db } from "@/lib/db/client";
import type { FileStorage } from "./file-storage";

/** A file younger than this may belong to an upload or a submission whose row is not committed yet. */
export const UNREFERENCED_FILE_GRACE_MS = 86_400_000;
/** Keys looked up in the database per query (PostgreSQL's bind parameters are limited). */
const BATCH = 1_000;

/**
 * The daily pass's clean-up of the storage: removes the files that no row refers to (an upload
 * whose refusal could not remove its file, a receipt of a rolled-back submission, a crash between the two) once
 * they are a day old. A file is referenced by an attachment, a submission's receipt, a decision's letter, a background
 * export (kept 48 hours, then removed by its own job), a roster import's preview (kept 7 days, then removed by its own
 * job) or an e-mail of the outbox that carries it. Returns how many files were removed.
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
  const [attachments, submissions, decisions, declarations, exports, imports, emails] = await Promise.all([
    client.attachment.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } }),
    client.submission.findMany({ where: { receiptKey: { in: keys } }, select: { receiptKey: true } }),
    client.decision.findMany({ where: { letterKey: { in: keys } }, select: { letterKey: true } }),
    client.resultDeclaration.findMany({ where: { pdfKey: { in: keys } }, select: { pdfKey: true } }),
    client.exportJob.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } }),
    client.rosterImport.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } }),
    client.$queryRaw<{ key: string }[]>`
      SELECT DISTINCT file->>'storageKey' AS key
      FROM "OutboxEmail", jsonb_array_elements("files") AS file
      WHERE file->>'storageKey' = ANY(${keys}::text[])`,
  ]);
  return new Set([
    ...attachments.map((row) => row.storageKey),
    ...submissions.flatMap((row) => (row.receiptKey ? [row.receiptKey] : [])),
    ...decisions.flatMap((row) => (row.letterKey ? [row.letterKey] : [])),
    ...declarations.map((row) => row.pdfKey),
    ...exports.flatMap((row) => (row.storageKey ? [row.storageKey] : [])),
    ...imports.flatMap((row) => (row.storageKey ? [row.storageKey] : [])),
    ...emails.map((row) => row.key),
  ]);
}
