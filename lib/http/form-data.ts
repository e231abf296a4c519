import type { IncomingFile } from "@/lib/attachments/store-file";
import { MULTIPART_ENVELOPE_BYTES } from "@/lib/config/upload-limits";
import { AppError } from "@/lib/errors/app-error";
import { withoutNul } from "./untrusted-text";

/**
 * Reads a multipart body (file uploads). A body that announces more than `maxBytes` of files (plus
 * the multipart envelope) is refused before it is read, with `tooLarge`, a French sentence that
 * names the limit; a body that cannot be read gets a French message too.
 */
export async function readFormData(request: Request, limit: { maxBytes: number; tooLarge: string }): Promise<FormData> {
  const announced = Number(request.headers.get("content-length") ?? Number.NaN);
  if (announced > limit.maxBytes + MULTIPART_ENVELOPE_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", limit.tooLarge, { fieldErrors: { file: [limit.tooLarge] } });
  // A body of another kind (JSON sent to an upload route) is the caller's mistake, not a failed upload.
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    throw new AppError("INVALID_INPUT", "La requête n'est pas au format attendu : un formulaire avec ses fichiers (multipart/form-data).");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("INVALID_INPUT", "L'envoi du fichier n'a pas abouti. Réessayez.");
  }
  // As in every request's text (untrusted-text.ts): no NUL in a field or a file's name.
  const clean = new FormData();
  for (const [name, value] of form) {
    clean.append(
      withoutNul(name),
      typeof value === "string" || !value.name.includes("\u0000")
        ? withoutNul(value)
        : new File([value], withoutNul(value.name), { type: value.type }),
    );
  }
  return clean;
}

/** The files sent under `field`; an empty file stays (it is refused by name), an input left empty does not. */
export async function filesOf(form: FormData, field: string): Promise<IncomingFile[]> {
  const files = form.getAll(field).filter((value): value is File => typeof value !== "string" && (value.size > 0 || value.name !== ""));
  return Promise.all(files.map(async (file) => ({ bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, type: file.type })));
}

/** A field holding the JSON of a form's values beside its files; a missing or unreadable one is a French refusal. */
export function jsonField(form: FormData, field: string): unknown {
  const value = form.get(field);
  try {
    if (typeof value === "string") return JSON.parse(value);
  } catch {
    // Refused below.
  }
  throw new AppError("INVALID_INPUT", "La requête n'est pas au format attendu.");
}
