/**
 * `toWinAnsi(text)`: text that PDFKit's standard fonts (Helvetica, Courier) can draw. They use
 * WinAnsiEncoding, which covers French (é, ç, œ, «, », €, ’, –) but not every character users
 * or Intl produce: PDFKit writes a character outside it as garbage, and can shift the rest of
 * the line. So: spaces Intl uses in French numbers (narrow no-break U+202F, thin) become a
 * no-break space; dashes and minus signs a hyphen; letters from other alphabets lose their
 * accent when the bare letter exists (« Łódź » → « Lódz »); anything else becomes « ? ».
 */

/** WinAnsi's characters between 0x80 and 0x9F, where it departs from Latin-1. */
const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

const REPLACEMENTS: Readonly<Record<string, string>> = {
  "\u202f": "\u00a0",
  "\u2009": "\u00a0",
  "\u2007": "\u00a0",
  "\u2002": " ",
  "\u2003": " ",
  "\u2010": "-",
  "\u2011": "-",
  "\u2212": "-",
  "\u2032": "'",
  "\t": " ",
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return char === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

export function toWinAnsi(text: string): string {
  let result = "";
  for (const char of text.normalize("NFC")) {
    if (isWinAnsi(char)) {
      result += char;
      continue;
    }
    const replacement = REPLACEMENTS[char];
    if (replacement !== undefined) {
      result += replacement;
      continue;
    }
    const bare = char.normalize("NFD").replace(/\p{M}/gu, "");
    result += bare !== "" && [...bare].every(isWinAnsi) ? bare : "?";
  }
  return result;
}
