import { randomBytes } from "node:crypto";
import { copyFile, type FileHandle, mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { FileStorage, StoredObject } from "./file-storage";
import { PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from "./private-files";
import { assertStorageKey, InvalidStorageKeyError, isValidStorageKey } from "./storage-key";

/**
 * `new LocalFileStorage(rootDir)`: a FileStorage in a folder of the server's disk (the embedded
 * setup, development, tests). A key's segments become sub-folders of `rootDir`. Files are written
 * to a temporary name, flushed to disk, then renamed over the final name: a reader never sees
 * half a file, and a crash leaves at most an orphan `*.tmp` (which no key can name). Folders are
 * 0700 and files 0600: only the app's account reads them.
 */
export class LocalFileStorage implements FileStorage {
  private readonly root: string;

  constructor(rootDir: string) {
    this.root = path.resolve(rootDir);
  }

  put(key: string, bytes: Uint8Array, _contentType: string): Promise<void> {
    return this.write(key, (handle) => handle.writeFile(bytes));
  }

  /** The kernel copies the file: nothing of it passes through the process's memory. */
  putFile(key: string, source: string, _contentType: string): Promise<void> {
    return this.write(key, async (_handle, temporary) => copyFile(source, temporary));
  }

  private async write(key: string, fill: (handle: FileHandle, temporary: string) => Promise<void>): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true, mode: PRIVATE_FOLDER_MODE });
    const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      const handle = await open(temporary, "wx", PRIVATE_FILE_MODE);
      try {
        await fill(handle, temporary);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async stream(key: string): Promise<ReadableStream<Uint8Array> | null> {
    try {
      const handle = await open(this.pathOf(key), "r");
      return Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Files whose path is a key (a crash's `*.tmp` leftovers are not). */
  async *list(): AsyncIterable<StoredObject> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch((error: unknown) => {
      if (isNotFound(error)) return [];
      throw error;
    });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      const key = path.relative(this.root, file).split(path.sep).join("/");
      if (!isValidStorageKey(key)) continue;
      yield { key, modifiedAt: (await stat(file)).mtime };
    }
  }

  /** The key's shape already rules out escaping the root; the prefix check is a second lock. */
  private pathOf(key: string): string {
    assertStorageKey(key);
    const file = path.resolve(this.root, ...key.split("/"));
    if (!file.startsWith(this.root + path.sep)) throw new InvalidStorageKeyError(key);
    return file;
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}
