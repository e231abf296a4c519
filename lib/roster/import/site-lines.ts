/**
 * The national Annuaire Santé extract, about 800 MB for the country (docs/domain/formats.md),
 * reduced in the browser to what the import reads of it: its header line and the lines that
 * hold the establishment's FINESS number (the server then keeps those whose FINESS column is
 * it). The file is read as a stream, so the browser never holds more than a chunk and the kept
 * lines, and the upload stays far under the cap. Why not a larger cap: the server reads an
 * upload whole and keeps it with the import until the commit (ADR 0006, amended 7 December).
 *
 * Public API: `ROSTER_FILE_TOO_LARGE_ADVICE`, `siteLinesOfExtract`.
 */
import { looksLikeAnnuaireSante } from "./annuaire-sante-header";

/** A first line longer than this is not the extract's header (56 column names at most). */
const HEADER_MAX_BYTES = 16_384;

/**
 * What a director can do with a file over the cap: no establishment's roster comes near it, and
 * the extract is reduced only when it is chosen as downloaded (a piece of it has no header line).
 */
export const ROSTER_FILE_TOO_LARGE_ADVICE =
  "Le registre d'un établissement tient dans un fichier bien plus petit : vérifiez que vous avez choisi le bon fichier. Pour l'extraction de l'Annuaire Santé, choisissez le fichier « PS_LibreAcces_Personne_activite_….txt » tel qu'il a été téléchargé (s'il est dans un fichier .zip, extrayez-le d'abord : clic droit sur le .zip, « Extraire tout ») : seules les lignes de l'établissement sont alors envoyées.";

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/**
 * The header line and the lines holding `finess`, each with its line end, or null when the file
 * is not an Annuaire Santé extract (its first line is not the extract's header). `onRead` is told
 * how many bytes were read so far.
 */
export async function siteLinesOfExtract(
  stream: ReadableStream<Uint8Array>,
  finess: string,
  onRead: (bytes: number) => void = () => {},
): Promise<Uint8Array[] | null> {
  // One character per byte, whatever the encoding (UTF-8 or Windows-1252): offsets in the text are
  // offsets in the bytes, and the search is the engine's own.
  const bytewise = new TextDecoder("windows-1252");
  const reader = stream.getReader();
  const kept: Uint8Array[] = [];
  let pending: Uint8Array = new Uint8Array(0);
  let read = 0;
  let header = true;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    read += chunk.value.length;
    onRead(read);
    const bytes = concat(pending, chunk.value);
    const text = bytewise.decode(bytes);
    let start = 0;
    if (header) {
      const end = text.indexOf("\n");
      if (end === -1 && bytes.length <= HEADER_MAX_BYTES) {
        pending = bytes;
        continue;
      }
      if (end === -1 || !looksLikeAnnuaireSante(new TextDecoder("utf-8").decode(bytes.subarray(0, end)))) {
        await reader.cancel();
        return null;
      }
      kept.push(bytes.slice(0, end + 1));
      header = false;
      start = end + 1;
    }
    // The line around each place the number is found; the last, unfinished line waits for the next chunk.
    const complete = text.lastIndexOf("\n") + 1;
    for (let hit = text.indexOf(finess, start); hit !== -1 && hit < complete; hit = text.indexOf(finess, start)) {
      const lineEnd = text.indexOf("\n", hit) + 1;
      kept.push(bytes.slice(text.lastIndexOf("\n", hit) + 1, lineEnd));
      start = lineEnd;
    }
    pending = bytes.slice(Math.max(start, complete));
  }
  const last = bytewise.decode(pending);
  if (header) return looksLikeAnnuaireSante(new TextDecoder("utf-8").decode(pending)) ? [pending] : null;
  if (last.includes(finess)) kept.push(pending);
  return kept;
}
