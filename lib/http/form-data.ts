import type { IncomingFile } from "@/lib/attachments/store-file";
import { AppError } from "@/lib/errors/app-error";

/** Reads a multipart body (file uploads), with a French message when it is not one. */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new AppError("INVALID_INPUT", "L'envoi du fichier n'a pas abouti. Réessayez.");
  }
}

export async function filesOf(form: FormData, field: string): Promise<IncomingFile[]> {
  const files = form.getAll(field).filter((value): value is File => typeof value !== "string" && value.size > 0);
  return Promise.all(files.map(async (file) => ({ bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, type: file.type })));
}
