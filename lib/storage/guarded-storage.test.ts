import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GuardedStorage, STORAGE_UNAVAILABLE_MESSAGE } from "./guarded-storage";
import { LocalFileStorage } from "./local-file-storage";
import { generateStorageKey, InvalidStorageKeyError } from "./storage-key";

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "hospiconnect-guarded-"));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("GuardedStorage", () => {
  it("answers a storage that cannot write or read with the French 503, not an unexpected error", async () => {
    // A folder that cannot be one (a file stands in its place): every write and read fails, as on a lost disk.
    const notAFolder = path.join(root, "stockage");
    await writeFile(notAFolder, "");
    const storage = new GuardedStorage(new LocalFileStorage(notAFolder));
    const key = generateStorageKey("attachments");
    const unavailable = { code: "UNAVAILABLE", status: 503, message: STORAGE_UNAVAILABLE_MESSAGE };
    await expect(storage.put(key, Buffer.from("%PDF-1.7"), "application/pdf")).rejects.toMatchObject(unavailable);

    // A file that cannot be read (a folder stands in its place), where a missing one would be null.
    const readable = new GuardedStorage(new LocalFileStorage(path.join(root, "lecture")));
    await mkdir(path.join(root, "lecture", key), { recursive: true });
    await expect(readable.get(key)).rejects.toMatchObject(unavailable);
  });

  it("passes on what a working storage does, and a malformed key as the bug it is", async () => {
    const storage = new GuardedStorage(new LocalFileStorage(root));
    const key = generateStorageKey("attachments");
    expect(await storage.get(key)).toBeNull();
    await storage.put(key, Buffer.from("%PDF-1.7"), "application/pdf");
    expect((await storage.get(key))?.toString()).toBe("%PDF-1.7");
    await expect(storage.get("../../etc/passwd")).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });
});
