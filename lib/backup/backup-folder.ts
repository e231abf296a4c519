import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { z } from "zod";
import { isValidStorageKey } from "@/lib/storage/storage-key";

const gunzipAsync = promisify(gunzip);

/** Rows per table part: a part is read, sent and loaded whole. */
export const ROWS_PER_PART = 2_000;

const ZBackupManifest = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  /** Migrations the database had: a restore needs the same schema. */
  migrations: z.array(z.string()),
  tables: z.record(z.string().regex(/^\w+$/), z.object({ rows: z.number().int().nonnegative(), checksum: z.string() })),
  files: z.array(z.object({ key: z.string().refine(isValidStorageKey), bytes: z.number().int().nonnegative(), sha256: z.string() })),
});
export type BackupManifest = z.infer<typeof ZBackupManifest>;
export type BackupFile = BackupManifest["files"][number];

/** What a restore refuses, said to the operator who runs it. */
export class RestoreError extends Error {}

/** `Professional.00000.json.gz`: the table's rows `part * ROWS_PER_PART` onwards. */
export function tablePartName(table: string, part: number): string {
  return `${table}.${String(part).padStart(5, "0")}.json.gz`;
}

export function backupFilePath(directory: string, key: string): string {
  return path.join(directory, "files", key);
}

/** The manifest, checked for shape: a missing or cut one is named, never a raw Node error. */
export async function readManifest(directory: string): Promise<BackupManifest> {
  const text = await readFile(path.join(directory, "manifest.json"), "utf8").catch((error: unknown) => {
    if (isNotFound(error))
      throw new RestoreError(`${directory} holds no manifest.json: it is not a backup folder, or the backup is incomplete.`);
    throw new RestoreError(`The backup's manifest.json cannot be read (${(error as Error).message}).`);
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RestoreError("The backup's manifest.json is damaged or truncated: the backup is incomplete.");
  }
  const format = (parsed as { format?: unknown } | null)?.format;
  if (format !== 1) throw new RestoreError(`Unknown backup format ${String(format)}.`);
  const manifest = ZBackupManifest.safeParse(parsed);
  if (!manifest.success) throw new RestoreError("The backup's manifest.json is damaged: it does not describe a backup.");
  return manifest.data;
}

/**
 * Checks, before anything is written, that every table part the manifest's row counts call for is
 * there, and that every file is there with its size and hash. Files are hashed as streams, one at
 * a time: a large backup is never held in memory.
 */
export async function verifyBackupFolder(directory: string, manifest: BackupManifest): Promise<void> {
  for (const [table, { rows }] of Object.entries(manifest.tables)) {
    for (let part = 0; part * ROWS_PER_PART < rows; part += 1) {
      const name = tablePartName(table, part);
      await stat(path.join(directory, "tables", name)).catch((error: unknown) => {
        throw isNotFound(error) ? new RestoreError(`Part tables/${name} is missing from the backup: the backup is incomplete.`) : error;
      });
    }
  }
  for (const file of manifest.files) {
    const found = await contentHash(createReadStream(backupFilePath(directory, file.key))).catch((error: unknown) => {
      if (isNotFound(error)) throw new RestoreError(`File ${file.key} is missing from the backup: the backup is incomplete.`);
      throw new RestoreError(`File ${file.key} of the backup cannot be read (${(error as Error).message}).`);
    });
    if (found.bytes !== file.bytes || found.sha256 !== file.sha256) throw new RestoreError(`File ${file.key} of the backup is damaged.`);
  }
}

/** A table part's rows, as the JSON array the backup wrote. */
export async function readTablePart(directory: string, table: string, part: number): Promise<string> {
  const name = tablePartName(table, part);
  try {
    return (await gunzipAsync(await readFile(path.join(directory, "tables", name)))).toString("utf8");
  } catch (error) {
    if (isNotFound(error)) throw new RestoreError(`Part tables/${name} is missing from the backup: the backup is incomplete.`);
    throw new RestoreError(
      `Part tables/${name} of the backup is damaged or truncated (${(error as Error).message}): the backup is incomplete.`,
    );
  }
}

/** Size and SHA-256 of a stream's bytes, read chunk by chunk. */
export async function contentHash(bytes: AsyncIterable<Uint8Array>): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of bytes) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { bytes: size, sha256: hash.digest("hex") };
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
}
