/**
 * `safeFileName(name, fallbackExtension)`: the name a stored file is offered under for download
 * (Content-Disposition), from what the user's browser sent. The file is stored under a generated
 * key, never under this name; this only keeps the name harmless to show and to save:
 * - the last path segment only (browsers on Windows once sent `C:\Users\…\rapport.pdf`);
 * - no control or invisible formatting character (the right-to-left override turns
 *   « rapport‮fdp.exe » into what reads as « rapportexe.pdf »);
 * - characters Windows forbids in names become `_`, spaces are collapsed, leading and trailing
 *   dots and spaces go, reserved device names (CON, NUL…) get a `_` prefix;
 * - accents stay (NFC), and the name is cut to 150 characters keeping its extension.
 * An empty result becomes `fichier.<extension>`.
 */
const MAX_LENGTH = 150;
/** Longer "extensions" are part of the name (« rapport.version-finale-relue »). */
const MAX_EXTENSION_LENGTH = 10;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export function safeFileName(name: string, fallbackExtension: string): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? "";
  const cleaned = lastSegment
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (cleaned === "") return `fichier.${fallbackExtension}`;

  const dot = cleaned.lastIndexOf(".");
  const hasExtension = dot > 0 && cleaned.length - dot <= MAX_EXTENSION_LENGTH;
  let base = hasExtension ? cleaned.slice(0, dot) : cleaned;
  const extension = hasExtension ? cleaned.slice(dot) : "";
  if (WINDOWS_RESERVED.test(base.split(".")[0] ?? "")) base = `_${base}`;
  // Cut by code points, not UTF-16 units, so that no emoji is split in half.
  const characters = [...base];
  const room = MAX_LENGTH - extension.length;
  if (characters.length > room) base = characters.slice(0, room).join("").trimEnd();
  return base + extension;
}
