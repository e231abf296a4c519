/**
 * `toWinAnsi(text)`: text that PDFKit's standard fonts (Helvetica, Courier) can draw. They use
 * WinAnsiEncoding (Windows-1252), which covers French (é, ç, œ, «, », €, ’, –, ½, ², °) but not
 * every character users type, paste or Intl produce: PDFKit writes a character outside it as
 * garbage, and can shift the rest of the line. So, character by character:
 * - the signs a French manager or reviewer types in a condition or a comment become their usual
 *   look-alike in WinAnsi (`SUBSTITUTES`): « ≥ » → « >= », « → » → « -> », « ✓ » → « (oui) »;
 * - compatibility characters are spelled out by Unicode's own decomposition (NFKD): « 1ᵉʳ » →
 *   « 1er », « ﬁ » → « fi », « ⅓ » → « 1/3 »; letters of other alphabets lose their accent
 *   (« Ș » → « S »);
 * - pictographs (emoji) are left out, with the space they leave: they decorate (« Bravo 🎉 ! »),
 *   and a « ? » in their place would read as a question in an official letter;
 * - anything else becomes « ? » (another script: « 東京 » → « ?? »).
 * No transliteration library fits: they target ASCII (« é » would go), and the two read for this
 * (any-ascii, @sindresorhus/transliterate) print « ≠ » as « = », its opposite (« ≠ » is « = » plus
 * a combining stroke, which stripping accents removes: marks are stripped here from letters only).
 * `unprintableCharacters` lists what is left out or printed « ? », for forms to warn about.
 */

/** WinAnsi's characters between 0x80 and 0x9F, where it departs from Latin-1. */
const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/**
 * Relations as a spreadsheet formula writes them (« >= », « <= », « <> »), which managers know:
 * one sign for one sign, so the meaning never changes, and no words whose agreement the code
 * cannot know (« la part supérieure ou égale à », « le taux supérieur ou égal à »). A check mark
 * says yes and a cross no, in words: « [x] » would read as ticked for both.
 */
const SUBSTITUTES: Readonly<Record<string, string>> = {
  // Spaces: Intl's narrow no-break space and its kin stay unbreakable.
  "\u202f": "\u00a0",
  "\u2009": "\u00a0",
  "\u2007": "\u00a0",
  "\u2002": " ",
  "\u2003": " ",
  "\r": "\n",
  "\v": "\n",
  "\f": "\n",
  "\u2028": "\n",
  "\u2029": "\n",
  "\t": " ",
  // Dashes, apostrophes and quotes from other keyboards.
  "\u2010": "-",
  "\u2011": "-",
  "\u2212": "-",
  "\u2012": "–",
  "\u2015": "—",
  "\u2032": "'",
  "\u2033": '"',
  "\u02bc": "’",
  "\u201b": "'",
  "\u201f": '"',
  "\u2044": "/",
  "\u2215": "/",
  "\u2217": "*",
  "\u2219": "·",
  "\u22c5": "·",
  // Relations.
  "≥": ">=",
  "⩾": ">=",
  "≤": "<=",
  "⩽": "<=",
  "≠": "<>",
  "≈": "~",
  "≃": "~",
  "∼": "~",
  // Arrows.
  "→": "->",
  "⟶": "->",
  "➔": "->",
  "➜": "->",
  "➡": "->",
  "←": "<-",
  "⟵": "<-",
  "⬅": "<-",
  "⇒": "=>",
  "⟹": "=>",
  "⇔": "<=>",
  "⟺": "<=>",
  "↔": "<->",
  // Check marks and crosses.
  "✓": "(oui)",
  "✔": "(oui)",
  "✅": "(oui)",
  "☑": "(oui)",
  "🗸": "(oui)",
  "✗": "(non)",
  "✘": "(non)",
  "❌": "(non)",
  "❎": "(non)",
  // Bullets and stars.
  "◦": "•",
  "▪": "•",
  "■": "•",
  "●": "•",
  "‣": "•",
  "⁃": "•",
  "▸": "•",
  "►": "•",
  "▶": "•",
  "★": "*",
  "☆": "*",
  "№": "n°",
  μ: "µ",
  // Letters with a stroke, which Unicode does not decompose.
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
};

/**
 * Left out with nothing in their place: invisible characters (control characters a paste brings
 * along, zero-width spaces), an emoji's skin tone and joiner.
 */
const INVISIBLE = /^[\p{Cc}\u200b-\u200d\u2060\ufeff\p{Emoji_Modifier}]$/u;
/** Left out with a space around them: pictographs, and flags (pairs of regional indicators). */
const PICTOGRAPH = /^[\p{Extended_Pictographic}\p{Regional_Indicator}]$/u;
/** Stands for a left-out pictograph until the spaces around it are settled. */
const LEFT_OUT = "\uffff";

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return char === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/** One character as WinAnsi text, `LEFT_OUT` for a pictograph, or null when it cannot be printed. */
function substitute(char: string): string | null {
  if (isWinAnsi(char)) return char;
  const substitution = SUBSTITUTES[char];
  if (substitution !== undefined) return substitution;
  if (/^\p{M}$/u.test(char) || INVISIBLE.test(char)) return "";
  if (PICTOGRAPH.test(char)) return LEFT_OUT;
  const decomposed = [...char.normalize("NFKD")];
  // A letter's accent goes (« Ș » → « S »); a sign's stroke never (« ≮ » is not « < »).
  const parts = /^[\p{L}\p{N}]/u.test(decomposed[0] ?? "") ? decomposed.filter((part) => !/^\p{M}$/u.test(part)) : decomposed;
  if (parts.length === 0 || (parts.length === 1 && parts[0] === char)) return null;
  let result = "";
  for (const part of parts) {
    const printed = isWinAnsi(part) ? part : SUBSTITUTES[part];
    if (printed === undefined) return null;
    result += printed;
  }
  return result;
}

export function toWinAnsi(text: string): string {
  let result = "";
  for (const char of text.replace(/\r\n?/g, "\n").normalize("NFC")) result += substitute(char) ?? "?";
  // A left-out pictograph takes one space around it along: the one after it at the start of a
  // line, otherwise the one before it (keeping a no-break space before « ! »).
  return result
    .replace(/(^|\n)\uffff+[ \u00a0]?/g, "$1")
    .replace(/ ?\uffff+( |\u00a0)?/g, (_match, after: string | undefined) => after ?? "");
}

/**
 * The characters of `text` that `toWinAnsi` leaves out or prints « ? », each once; `asTyped`: every
 * one it does not print as itself too (« Ł » as « L », « ✓ » as « (oui) »), for a text that must
 * read exactly as typed, such as a name.
 */
export function unprintableCharacters(text: string, { asTyped = false }: { asTyped?: boolean } = {}): string[] {
  const found = new Set<string>();
  for (const char of text.normalize("NFC")) {
    const printed = substitute(char);
    if (printed === null || printed === LEFT_OUT || (asTyped && printed !== char)) found.add(char);
  }
  return [...found];
}
