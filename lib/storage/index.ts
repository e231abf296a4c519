import { env } from "@/lib/config/env";
import type { FileStorage } from "./file-storage";
import { LocalFileStorage } from "./local-file-storage";

let storage: FileStorage | undefined;

/** The configured storage: a local folder (STORAGE_DIR) by default. */
export function fileStorage(): FileStorage {
  storage ??= new LocalFileStorage(env.STORAGE_DIR);
  return storage;
}

export type { FileStorage } from "./file-storage";
export { generateStorageKey } from "./storage-key";
