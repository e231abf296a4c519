import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { FileStorage } from "@/lib/storage";
import { type BackupFile, backupFilePath, contentHash, RestoreError } from "./backup-folder";

/**
 * The backup's files the target storage lacks, checked before anything is written. A file it
 * already holds with the same content (the bucket the backup was made from, after a lost database)
 * is left as it is; one with other content refuses the restore: it is not the restore's to replace,
 * and a refused restore could not give it back.
 */
export async function filesToPut(storage: FileStorage, files: BackupFile[]): Promise<BackupFile[]> {
  const missing: BackupFile[] = [];
  for (const file of files) {
    const held = await storage.stream(file.key);
    if (!held) missing.push(file);
    else if ((await contentHash(Readable.fromWeb(held as NodeReadableStream<Uint8Array>))).sha256 !== file.sha256) {
      throw new RestoreError(
        `The target storage already holds a file ${file.key} with other content: restore into an empty storage, or the one the backup was made from.`,
      );
    }
  }
  return missing;
}

/**
 * Puts `files` from the backup folder (streamed: `putFile`), then runs `commit`; when a put or the
 * commit fails, deletes every file it put, so that the storage holds what it held before. Only
 * files `filesToPut` found missing come here: deleting them takes nothing away from the storage.
 */
export async function putFilesThen(
  storage: FileStorage,
  directory: string,
  files: BackupFile[],
  commit: () => Promise<unknown>,
): Promise<void> {
  const put: string[] = [];
  try {
    for (const file of files) {
      // Counted before the put: a put cut midway may still have stored the object.
      put.push(file.key);
      await storage.putFile(file.key, backupFilePath(directory, file.key), "application/octet-stream");
    }
    await commit();
  } catch (error) {
    const left: string[] = [];
    for (const key of put) await storage.delete(key).catch(() => left.push(key));
    if (!left.length) throw error;
    throw new RestoreError(
      `${(error as Error).message} ${left.length} of the files put could not be taken back (${left[0]} first): no row names them, so the daily clean-up removes them.`,
      { cause: error },
    );
  }
}
