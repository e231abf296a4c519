import { env } from "@/lib/config/env";
import type { FileStorage } from "./file-storage";
import { GuardedStorage } from "./guarded-storage";
import { LocalFileStorage } from "./local-file-storage";
import { S3FileStorage } from "./s3-file-storage";

let storage: FileStorage | undefined;

/**
 * The configured storage: an S3-compatible bucket when STORAGE_S3_BUCKET is set, a local folder
 * (STORAGE_DIR) otherwise; its failures answered as a 503 (guarded-storage.ts).
 */
export function fileStorage(): FileStorage {
  storage ??= new GuardedStorage(configuredStorage());
  return storage;
}

function configuredStorage(): FileStorage {
  return env.STORAGE_S3_BUCKET
    ? new S3FileStorage({
        bucket: env.STORAGE_S3_BUCKET,
        region: env.STORAGE_S3_REGION,
        endpoint: env.STORAGE_S3_ENDPOINT,
        accessKeyId: env.STORAGE_S3_ACCESS_KEY_ID ?? "",
        secretAccessKey: env.STORAGE_S3_SECRET_ACCESS_KEY ?? "",
        forcePathStyle: env.STORAGE_S3_FORCE_PATH_STYLE === "true",
      })
    : new LocalFileStorage(env.STORAGE_DIR);
}

export type { FileStorage } from "./file-storage";
export { generateStorageKey } from "./storage-key";
