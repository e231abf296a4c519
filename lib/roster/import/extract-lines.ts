/**
 * Finding lines in a large text file without decoding all of it: a whole-country extract does not
 * fit in a JavaScript string, so the bytes are searched for what the wanted lines contain, and
 * only those lines (and the header) are decoded, in UTF-8 when they all are, else Windows-1252.
 *
 * Public API: `FileLine`, `linesContaining`, `decodeLines`.
 */
import { decoderFor, type TextEncoding } from "./decode";

const NEWLINE = 0x0a;

export type FileLine = { number: number; start: number; end: number };

/** Lines whose bytes contain one of the needles, with their numbers, in file order. */
export function linesContaining(bytes: Buffer, needles: readonly string[]): FileLine[] {
  const starts = new Set<number>();
  for (const needle of needles) {
    for (let hit = bytes.indexOf(needle, 0, "latin1"); hit !== -1; hit = bytes.indexOf(needle, hit + needle.length, "latin1")) {
      starts.add(bytes.lastIndexOf(NEWLINE, hit) + 1);
    }
  }
  const lines: FileLine[] = [];
  let number = 1;
  let counted = 0;
  for (const start of [...starts].sort((a, b) => a - b)) {
    for (let newline = bytes.indexOf(NEWLINE, counted); newline !== -1 && newline < start; newline = bytes.indexOf(NEWLINE, newline + 1)) {
      number++;
      counted = newline + 1;
    }
    const newline = bytes.indexOf(NEWLINE, start);
    lines.push({ number, start, end: newline === -1 ? bytes.length : newline });
  }
  return lines;
}

/** Decodes the header and the kept lines, in UTF-8 when they all are, otherwise in Windows-1252. */
export function decodeLines(
  bytes: Buffer,
  header: FileLine,
  lines: readonly FileLine[],
): { encoding: TextEncoding; header: string; lines: string[] } {
  for (const encoding of ["UTF-8", "WINDOWS-1252"] as const) {
    const decode = decoderFor(encoding);
    try {
      return {
        encoding,
        header: decode(bytes.subarray(header.start, header.end)),
        lines: lines.map((line) => decode(bytes.subarray(line.start, line.end))),
      };
    } catch {
      // Not UTF-8: Windows-1252 decodes any byte.
    }
  }
  throw new Error("unreachable: Windows-1252 decodes any byte");
}
