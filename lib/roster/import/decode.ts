/**
 * Text encoding of an uploaded file. UTF-8 is tried first, strictly (a Windows-1252 « é » is not
 * valid UTF-8, so the two are told apart reliably); anything else is read as Windows-1252, which is
 * what Excel for Windows writes when saving « CSV (séparateur : point-virgule) ». Excel's « Texte
 * Unicode » is UTF-16 with a byte-order mark.
 *
 * Public API: `TextEncoding`, `decodeText`, `decodeFileText`, `encodingNote`, `accentCheckWarning`, `decoderFor`.
 */
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { formatCount } from "@/lib/format/numbers";
import { givingWay } from "../give-way";

export type TextEncoding = "UTF-8" | "UTF-8-BOM" | "UTF-16LE" | "WINDOWS-1252";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
// Not TextDecoder("windows-1252"): Node 20's reads bytes 0x80–0x9F as Latin-1 control characters,
// which turns Excel's apostrophe (’), « œ », « € » or « – » into invisible characters.
// One byte is one character: pieces of a file decode alone.
const windows1252 = {
  decode: (bytes: Uint8Array = new Uint8Array()) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "win1252"),
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The file's encoding, and its bytes without the byte-order mark. */
function encodingOf(bytes: Uint8Array): { encoding: TextEncoding; body: Uint8Array } {
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: "UTF-16LE", body: bytes.subarray(2) };
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = bom ? bytes.subarray(3) : bytes;
  // Strictly, as a fatal TextDecoder reads it; the check is native, far faster than decoding.
  if (isUtf8(body)) return { encoding: bom ? "UTF-8-BOM" : "UTF-8", body };
  return { encoding: "WINDOWS-1252", body };
}

/** A decoder of the encoding; a streaming one keeps the end of a character cut between two pieces. */
function decoderOf(encoding: TextEncoding): { decode: (bytes?: Uint8Array, options?: { stream?: boolean }) => string } {
  if (encoding === "UTF-16LE") return new TextDecoder("utf-16le", { ignoreBOM: true });
  return encoding === "WINDOWS-1252" ? windows1252 : new TextDecoder("utf-8", { ignoreBOM: true });
}

/** The text of a file's first lines, in one go. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const { encoding, body } = encodingOf(bytes);
  return { text: decoderOf(encoding).decode(body), encoding };
}

/** Bytes decoded between two chances to give way: a few milliseconds. */
const PIECE_BYTES = 1 << 20;

/**
 * The text of a whole file, as `decodeText` reads it, decoded a piece at a time and giving way
 * between pieces (`givingWay`): 30 MB in one go held the thread serving every request.
 */
export async function decodeFileText(bytes: Uint8Array): Promise<{ text: string; encoding: TextEncoding }> {
  const { encoding, body } = encodingOf(bytes);
  const decoder = decoderOf(encoding);
  const giveWay = givingWay();
  const parts: string[] = [];
  for (let start = 0; start < body.length; start += PIECE_BYTES) {
    parts.push(decoder.decode(body.subarray(start, start + PIECE_BYTES), { stream: true }));
    await giveWay();
  }
  return { text: parts.join("") + decoder.decode(), encoding };
}

/** A decoder for pieces of a file whose encoding is known (UTF-8 strict, or Windows-1252). */
export function decoderFor(encoding: "UTF-8" | "WINDOWS-1252"): (bytes: Uint8Array) => string {
  return encoding === "UTF-8" ? (bytes) => strictUtf8.decode(bytes) : (bytes) => windows1252.decode(bytes);
}

export function encodingNote(encoding: TextEncoding): string {
  switch (encoding) {
    case "UTF-8":
      return "Encodage du fichier : UTF-8.";
    case "UTF-8-BOM":
      return "Encodage du fichier : UTF-8 (avec BOM).";
    case "UTF-16LE":
      return "Encodage du fichier : UTF-16 (« Texte Unicode » d'Excel).";
    case "WINDOWS-1252":
      return "Encodage du fichier : Windows-1252 (le fichier n'est pas en UTF-8 : il a sans doute été enregistré par Excel sous Windows).";
  }
}

/** Names the accent check lists, and how many more it only counts. */
const LISTED_NAMES = 20;

/**
 * A file read as Windows-1252 may have been written in another single-byte encoding (Mac Roman,
 * ISO-8859-15…), which garbles accented letters without any error: the director is shown the
 * names that carry one, to check them before importing. Null when no name has any.
 */
export function accentCheckWarning(names: readonly string[]): string | null {
  const accented = [...new Set(names.filter((name) => /[^\u0000-\u007f]/.test(name)))];
  if (accented.length === 0) return null;
  const listed = accented
    .slice(0, LISTED_NAMES)
    .map((name) => `« ${name} »`)
    .join(", ");
  const more = accented.length > LISTED_NAMES ? ` et ${formatCount(accented.length - LISTED_NAMES, "autre", "autres")}` : "";
  return `Le fichier n'est pas en UTF-8 : vérifiez que les accents de ces noms sont justes avant d'importer (sinon, enregistrez le fichier en « CSV UTF-8 » et importez-le de nouveau) : ${listed}${more}.`;
}
