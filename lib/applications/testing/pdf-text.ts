import { inflateSync } from "node:zlib";

/**
 * Test helper: the text a PDF made by PDFKit with standard fonts shows, one string per text
 * operator (`TJ` / `Tj`), read by inflating its content streams. Enough for PDFKit's output;
 * not a general PDF parser (no font maps, no object streams).
 */
const WIN_ANSI_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWinAnsi(bytes: Buffer): string {
  return [...bytes].map((byte) => (byte >= 0x80 && byte <= 0x9f ? WIN_ANSI_HIGH[byte - 0x80] : String.fromCharCode(byte))).join("");
}

function decodeLiteral(literal: string): Buffer {
  const unescaped = literal.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_match, escape: string) => {
    const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", "(": "(", ")": ")", "\\": "\\" };
    return simple[escape] ?? String.fromCharCode(parseInt(escape, 8));
  });
  return Buffer.from(unescaped, "latin1");
}

function textOfOperand(operand: string): string {
  const pieces = [...operand.matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g)].map((match) =>
    match[1] !== undefined ? Buffer.from(match[1], "hex") : decodeLiteral(match[2] ?? ""),
  );
  return decodeWinAnsi(Buffer.concat(pieces));
}

/** The PDF's content streams, inflated: one per page for PDFKit, in the order of the pages. */
export function pdfContentStreams(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const streams: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf("endstream", start);
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      continue; // not a Flate stream (metadata, fonts)
    }
  }
  return streams;
}

/** The text one content stream shows, one string per text operator. */
export function contentText(content: string): string[] {
  return [...content.matchAll(/(\[(?:[^\]\\]|\\.)*\]|<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\))\s*T[Jj]/g)].map((operator) =>
    textOfOperand(operator[1] ?? ""),
  );
}

export function extractPdfText(pdf: Buffer): string[] {
  return pdfContentStreams(pdf).flatMap(contentText);
}
