/**
 * Control characters (NUL, escape, form feed, DEL, C1 controls…): nothing a professional's record
 * holds, and PostgreSQL cannot store a NUL in text at all. A file that carries them (a damaged
 * export, binary pasted into a cell) is refused at the preview, on its line, instead of failing at
 * the commit. Tab and line breaks are spacing that a quoted CSV cell may hold: they are not refused
 * (a name's become one space, `singleLine`; the MIE column reads a line break as a separator).
 *
 * Public API: `controlCharacterIn`, `withoutControlCharacters`.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const CONTROLS = new RegExp(CONTROL.source, "gu");

/** How a message names the first control character of `text`, or null when there is none. */
export function controlCharacterIn(text: string): string | null {
  const found = CONTROL.exec(text)?.[0];
  if (found === undefined) return null;
  const code = `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return found === "\u0000" ? `un caractère nul invisible (${code})` : `un caractère de contrôle invisible (${code})`;
}

/** The text without its control characters: what a correction form offers to send back. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROLS, "");
}
