/**
 * Names of downloaded files. `fileNameWords` turns a title into ASCII words; `filteredFileName`
 * builds `base-filters-day.format` from the filters a file was made under, so that two files made
 * under different filters never share a name (each filter and all of them together bounded in
 * length, so every system can store the name).
 *
 * Public API: `fileNameWords`, `fileNameFilter`, `filteredFileName`, `FILE_SLUG_MAX`, `FILE_FILTERS_MAX`.
 */
import type { FileFormat } from "./file-format";

/** At most this many characters per filter… */
export const FILE_SLUG_MAX = 30;
/** …and for all the filters together. */
export const FILE_FILTERS_MAX = 90;

/**
 * The words of a title as they go in a downloaded file's name: « Vague de généralisation 2025 »
 * becomes « vague-de-generalisation-2025 », so that two waves' exports of the same day differ.
 */
export function fileNameWords(title: string): string {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const cut = (words: string, max: number) => words.slice(0, max).replace(/-+$/, "");

/** One filter's words as a file name holds them: at most `FILE_SLUG_MAX` characters. */
export const fileNameFilter = (value: string) => cut(fileNameWords(value), FILE_SLUG_MAX);

/** `base-filter1-filter2-YYYY-MM-DD.format`; filters without any letter or digit are left out. */
export function filteredFileName(base: string, filters: readonly string[], format: FileFormat, day: string): string {
  const words = filters.map(fileNameFilter).filter((slug) => slug !== "");
  const joined = cut(words.join("-"), FILE_FILTERS_MAX);
  return `${[base, joined, day].filter((part) => part !== "").join("-")}.${format}`;
}
