import { AppError } from "@/lib/errors/app-error";
import { errorFields, logger } from "@/lib/observability/logger";
import type { FileStorage, StoredObject } from "./file-storage";
import { InvalidStorageKeyError } from "./storage-key";

/** What a person reads when the folder or the bucket fails: nothing they saved before is lost. */
export const STORAGE_UNAVAILABLE_MESSAGE =
  "Le stockage des fichiers est momentanément indisponible. Réessayez dans quelques minutes : vos informations déjà enregistrées sont conservées.";

/**
 * The storage as the app uses it: a failure of the folder or the bucket (a full or read-only disk,
 * an unreachable endpoint) is logged and answered as the French 503 « réessayez », as a database
 * outage is, instead of « erreur inattendue ». Files are stored before the rows that name them,
 * so a refused upload leaves no row, at most a file no row names (the daily clean-up removes it).
 * A malformed key stays what it is: a bug, not an outage.
 */
export class GuardedStorage implements FileStorage {
  constructor(private readonly inner: FileStorage) {}

  put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    return guard("put", key, () => this.inner.put(key, bytes, contentType));
  }

  putFile(key: string, file: string, contentType: string): Promise<void> {
    return guard("put", key, () => this.inner.putFile(key, file, contentType));
  }

  get(key: string): Promise<Buffer | null> {
    return guard("get", key, () => this.inner.get(key));
  }

  stream(key: string): Promise<ReadableStream<Uint8Array> | null> {
    return guard("get", key, () => this.inner.stream(key));
  }

  delete(key: string): Promise<void> {
    return guard("delete", key, () => this.inner.delete(key));
  }

  list(): AsyncIterable<StoredObject> {
    return this.inner.list();
  }
}

async function guard<T>(operation: string, key: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvalidStorageKeyError) throw error;
    logger.error({ operation, key, ...errorFields(error) }, "storage: unavailable");
    throw new AppError("UNAVAILABLE", STORAGE_UNAVAILABLE_MESSAGE);
  }
}
