import { formatFileSize } from "./file-size";

/**
 * Why a file may not be sent, on its size alone, or null: the same French sentences in the browser
 * (checked before sending) and on the server (file-policy.ts).
 */
export function fileSizeProblem(file: { name: string; size: number }, maxBytes: number): string | null {
  if (file.size === 0) return `Le fichier « ${file.name} » est vide.`;
  if (file.size > maxBytes) return `Le fichier « ${file.name} » dépasse la taille maximale de ${formatFileSize(maxBytes)}.`;
  return null;
}

/** The limit on the files sent together, worded for what carries them, in the browser and on the server. */
export const TOO_MANY_FILES = {
  message: (maxFiles: number) => `Un message peut porter ${maxFiles} pièces jointes au plus.`,
  answer: (maxFiles: number) => `Une réponse peut porter ${maxFiles} pièces jointes au plus.`,
} as const;

/**
 * What is wrong with files chosen together, on their number and sizes, or null, checked in the
 * browser before sending them: `carrier` is what they are attached to (a message, an answer).
 */
export function filesProblem(
  files: readonly { name: string; size: number }[],
  limits: { maxFiles: number; maxBytes: number },
  carrier: keyof typeof TOO_MANY_FILES,
): string | null {
  if (files.length > limits.maxFiles) return TOO_MANY_FILES[carrier](limits.maxFiles);
  return files.map((file) => fileSizeProblem(file, limits.maxBytes)).find((problem) => problem !== null) ?? null;
}

/** The files chosen in a form's file field: an untouched field sends one nameless, empty entry. */
export function chosenFiles(data: FormData, field: string): File[] {
  return data.getAll(field).filter((value): value is File => typeof value !== "string" && (value.size > 0 || value.name !== ""));
}
