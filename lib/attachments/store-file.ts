import { createHash } from "node:crypto";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { AppError } from "@/lib/errors/app-error";
import { fileStorage, generateStorageKey } from "@/lib/storage";
import { checkUploadedFile } from "./file-policy";

export type IncomingFile = { bytes: Uint8Array<ArrayBuffer>; name: string; type: string };

export type StoredFile = { fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string };

/** The SHA-256 of a file's bytes, in hex: what the dossier keeps, and how a file already joined is recognised. */
function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Checks an uploaded file on its content (refusing it with the French reason) and stores it under
 * a generated name; the caller records the returned metadata in its transaction.
 */
export async function storeCheckedFile(file: IncomingFile, field = "file"): Promise<StoredFile> {
  const checked = await checkUploadedFile({
    bytes: file.bytes,
    fileName: file.name,
    declaredMimeType: file.type,
    maxBytes: UPLOAD_LIMITS.attachmentBytes,
  });
  if (!checked.ok) {
    throw new AppError(checked.reason === "TOO_LARGE" ? "PAYLOAD_TOO_LARGE" : "INVALID_INPUT", checked.message, {
      fieldErrors: { [field]: [checked.message] },
    });
  }
  const storageKey = generateStorageKey("attachments");
  await fileStorage().put(storageKey, file.bytes, checked.mimeType);
  return {
    fileName: checked.fileName,
    mimeType: checked.mimeType,
    sizeBytes: checked.sizeBytes,
    sha256: sha256Of(file.bytes),
    storageKey,
  };
}

/**
 * Checks and stores the files, then hands them to `record` (the transaction that writes their
 * rows), one stored file for each file given. Whatever refuses after the first file is stored – a
 * later file, a rule inside the transaction, the transaction itself – removes every stored file:
 * rolled back, no row will ever name them, and repeated refusals would fill the storage until the
 * daily sweep.
 */
export async function withStoredFiles<const Files extends readonly IncomingFile[], T>(
  files: Files,
  field: string,
  record: (stored: { [K in keyof Files]: StoredFile }) => Promise<T>,
): Promise<T> {
  const stored: StoredFile[] = [];
  try {
    for (const file of files) stored.push(await storeCheckedFile(file, field));
    // One stored file per file, in their order: the shape `record` is promised.
    return await record(stored as { [K in keyof Files]: StoredFile });
  } catch (error) {
    // One that cannot be removed now is left to the daily sweep: the refusal is what is answered.
    await Promise.all(
      stored.map((file) =>
        fileStorage()
          .delete(file.storageKey)
          .catch(() => undefined),
      ),
    );
    throw error;
  }
}
