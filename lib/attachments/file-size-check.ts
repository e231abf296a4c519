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
