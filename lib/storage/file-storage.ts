/**
 * Where uploaded files and generated receipts are kept: a `FileStorage` takes bytes under a key
 * and gives them back. The database holds the metadata (`Attachment.storageKey`,
 * `Submission.receiptKey`); the storage holds bytes only.
 *
 * Contract, the same for every implementation (the local folder here, an S3-compatible bucket
 * later):
 * - keys come from `generateStorageKey` (storage-key.ts), never from user input; an implementation
 *   refuses any other shape with `InvalidStorageKeyError`;
 * - `put` writes the whole object or nothing, and replaces an object already under that key;
 *   `putFile` does the same from a file of the server's disk, read as a stream (a large export);
 * - `get` returns the bytes, or null when there is no object under the key; `stream` returns them
 *   as a stream (a large download), or null;
 * - `delete` succeeds whether or not the object exists (retries and clean-ups are safe);
 * - `list` yields every stored object's key and last change, for the daily clean-up of files no
 *   row refers to (remove-unreferenced-files.ts).
 * `contentType` is the checked, canonical MIME type (file-policy.ts): an object store keeps it as
 * object metadata; downloads still take their type from the database row.
 */
export interface FileStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  putFile(key: string, file: string, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  stream(key: string): Promise<ReadableStream<Uint8Array> | null>;
  delete(key: string): Promise<void>;
  list(): AsyncIterable<StoredObject>;
}

export type StoredObject = { key: string; modifiedAt: Date };
