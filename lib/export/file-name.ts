/**
 * The words of a title as they go in a downloaded file's name: « Vague de généralisation 2025 »
 * becomes « vague-de-generalisation-2025 », so that two waves' exports of the same day differ.
 */
export function fileNameWords(title: string): string {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
