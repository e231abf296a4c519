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
