/**
 * What a director is told to expect while a large roster file is checked or saved: a count or a
 * size, a bound in minutes, and not to close the page (ADR 0006: 90,000 lines took one to four
 * minutes on a loaded server). Small files say nothing more: they take a few seconds.
 *
 * Public API: `countFileLines`, `checkWaitNotice`, `saveWaitNotice`.
 */
import { formatFileSize } from "@/lib/attachments/file-size";
import { formatCount, formatInteger } from "@/lib/format/numbers";

/** Below this many lines (or bytes of a workbook) a file is checked or saved within seconds. */
const NOTICE_FROM_LINES = 5_000;
const NOTICE_FROM_WORKBOOK_BYTES = 200 * 1024;
/** Lines (or workbook bytes, slower to read) per minute of the bound, on a loaded 2-core server. */
const LINES_PER_MINUTE = 25_000;
const WORKBOOK_BYTES_PER_MINUTE = 1024 * 1024;

const DO_NOT_CLOSE = "Ne fermez pas la page.";

function upTo(minutes: number): string {
  return minutes <= 1 ? "jusqu'à une minute" : `jusqu'à ${minutes} minutes`;
}

/** Lines of a text file's bytes (the header included), counted on its line feeds. */
export function countFileLines(bytes: Uint8Array): number {
  let lines = 0;
  for (let index = bytes.indexOf(0x0a); index !== -1; index = bytes.indexOf(0x0a, index + 1)) lines++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? lines + 1 : lines;
}

/**
 * While the file is read and checked: a text file by its lines, a workbook (whose lines the browser
 * cannot count) by its size. Null for a small file.
 */
export function checkWaitNotice(file: { kind: "text"; lines: number } | { kind: "workbook"; bytes: number }): string | null {
  if (file.kind === "text") {
    if (file.lines < NOTICE_FROM_LINES) return null;
    const minutes = Math.ceil(file.lines / LINES_PER_MINUTE);
    return `Fichier de ${formatInteger(file.lines)} lignes : la vérification peut prendre ${upTo(minutes)}. ${DO_NOT_CLOSE}`;
  }
  if (file.bytes < NOTICE_FROM_WORKBOOK_BYTES) return null;
  const minutes = Math.ceil(file.bytes / WORKBOOK_BYTES_PER_MINUTE);
  return `Classeur de ${formatFileSize(file.bytes)} : la vérification peut prendre ${upTo(minutes)}. ${DO_NOT_CLOSE}`;
}

/** While the import is saved, in one transaction: the lines it reads and compares again. */
export function saveWaitNotice(lines: number): string {
  if (lines < NOTICE_FROM_LINES) return `Enregistrement en cours, en une seule fois : ne fermez pas la page.`;
  const minutes = Math.ceil(lines / LINES_PER_MINUTE);
  return `Enregistrement de ${formatCount(lines, "ligne", "lignes")} en cours, en une seule fois : cela peut prendre ${upTo(minutes)}. ${DO_NOT_CLOSE}`;
}
