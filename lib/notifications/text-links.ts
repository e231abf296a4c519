/**
 * A line of a plain-text e-mail cut into text and web addresses, so that the app's e-mail viewer
 * links every address, also one that follows words on its line (« Attribuer un instructeur :
 * https://… »). Punctuation that ends a sentence is not part of the address.
 */
export type TextPart = { text: string } | { href: string };

const ADDRESS = /https?:\/\/[^\s<>«»"]+/g;
const TRAILING = /[.,;:!?)\]]+$/;

export function textWithLinks(line: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of line.matchAll(ADDRESS)) {
    const href = match[0].replace(TRAILING, "");
    const start = match.index;
    if (start > last) parts.push({ text: line.slice(last, start) });
    parts.push({ href });
    last = start + href.length;
  }
  if (last < line.length) parts.push({ text: line.slice(last) });
  return parts;
}
