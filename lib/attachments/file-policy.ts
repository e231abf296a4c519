import { fileTypeFromBuffer } from "file-type";
import { ACCEPTED_FILE_KINDS, ACCEPTED_FILE_TYPES, type AcceptedFileKind, SNIFFED_CONTENT_LABELS } from "./accepted-types";
import { fileSizeProblem } from "./file-size-check";
import { safeFileName } from "./safe-file-name";

/**
 * `checkUploadedFile({ bytes, fileName, declaredMimeType, maxBytes })`: whether an uploaded file
 * may be kept, judged on its content (security check 16). In order:
 * 1. not empty, not above `maxBytes`;
 * 2. its extension is an accepted type (accepted-types.ts, or the `accepted` subset);
 * 3. the MIME type the browser declared, if any, is that type's (browsers declare from the
 *    extension, so a mismatch means a crafted request; an empty or `application/octet-stream`
 *    declaration says nothing and is ignored);
 * 4. the content, read by file-type (magic bytes, and inside the zip for OOXML and OpenDocument),
 *    is that same type: an executable renamed `.pdf`, a plain zip renamed `.docx` or a Word file
 *    with macros renamed `.docx` are refused, naming what the content really is.
 * Accepted: `{ ok: true, kind, mimeType, fileName, sizeBytes }`, where `mimeType` is the canonical
 * one (never the browser's) and `fileName` is safe to offer for download (safe-file-name.ts).
 * Refused: `{ ok: false, reason, message }`, the message in French for the user.
 */
export type FileRefusal = "EMPTY" | "TOO_LARGE" | "TYPE_NOT_ACCEPTED" | "DECLARED_TYPE_MISMATCH" | "CONTENT_MISMATCH";

export type FileCheckResult =
  | { ok: true; kind: AcceptedFileKind; mimeType: string; fileName: string; sizeBytes: number }
  | { ok: false; reason: FileRefusal; message: string };

export type UploadedFile = {
  bytes: Uint8Array;
  /** The name the browser sent. */
  fileName: string;
  /** `File.type` or the part's Content-Type; empty or absent when the browser did not know. */
  declaredMimeType?: string | null;
  maxBytes: number;
  accepted?: readonly AcceptedFileKind[];
};

/** What file-type reports for a format we accept under another name. */
const SNIFFED_ALIASES: Readonly<Record<string, AcceptedFileKind>> = { apng: "png" };

function refuse(reason: FileRefusal, message: string): FileCheckResult {
  return { ok: false, reason, message };
}

export async function checkUploadedFile({
  bytes,
  fileName,
  declaredMimeType,
  maxBytes,
  accepted = ACCEPTED_FILE_KINDS,
}: UploadedFile): Promise<FileCheckResult> {
  const name = safeFileName(fileName, "bin");
  const sizeProblem = fileSizeProblem({ name, size: bytes.length }, maxBytes);
  if (sizeProblem !== null) return refuse(bytes.length === 0 ? "EMPTY" : "TOO_LARGE", sizeProblem);

  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  const kind = accepted.find((candidate) => ACCEPTED_FILE_TYPES[candidate].extensions.includes(extension));
  if (!kind) {
    const formats = accepted.map((candidate) => ACCEPTED_FILE_TYPES[candidate].shortName).join(", ");
    return refuse("TYPE_NOT_ACCEPTED", `Le format du fichier « ${name} » n'est pas accepté. Formats acceptés : ${formats}.`);
  }
  const type = ACCEPTED_FILE_TYPES[kind];

  const declared = (declaredMimeType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (
    declared !== "" &&
    declared !== "application/octet-stream" &&
    declared !== type.mimeType &&
    !type.declaredAliases.includes(declared)
  ) {
    return refuse("DECLARED_TYPE_MISMATCH", `Le type déclaré du fichier « ${name} » (${declared}) ne correspond pas à son extension.`);
  }

  const sniffed = await fileTypeFromBuffer(bytes);
  const sniffedKind = sniffed ? (SNIFFED_ALIASES[sniffed.ext] ?? sniffed.ext) : undefined;
  if (sniffedKind !== kind) {
    const content = sniffed ? `contenu : ${SNIFFED_CONTENT_LABELS[sniffed.ext] ?? sniffed.ext}` : "contenu non reconnu";
    return refuse("CONTENT_MISMATCH", `Le fichier « ${name} » n'est pas ${type.expected} valide (${content}).`);
  }
  return { ok: true, kind, mimeType: type.mimeType, fileName: name, sizeBytes: bytes.length };
}
