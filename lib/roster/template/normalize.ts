/**
 * Comparison keys for what people type: headers (« Prénom », « prenom », « PRÉNOM  »), enum values
 * (« Salarié(e) », « salarie e ») and names (« Jean-Pierre », « JEAN PIERRE »).
 *
 * Public API: `comparable`, `normalizePersonName`, `singleLine`.
 */

/** Text that `comparable` (with `+`) and `normalizePersonName` only change the case of. */
const PLAIN_WORD = /^[A-Za-z0-9+]+$/;
const PLAIN = /^[A-Za-z0-9]+$/;

/**
 * Lower case, no accents, punctuation turned into single spaces, elided articles dropped
 * (« Type d'identifiant PP », « Type d identifiant PP » and « Type identifiant PP » are the same
 * header). `+` is kept: FranceConnect+
 * (substantiel) is not FranceConnect.
 */
export function comparable(text: string): string {
  // « Oui », « 60 », « Salarie »: nothing to strip but the case (an import reads most cells here).
  if (PLAIN_WORD.test(text)) return text.toLowerCase();
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, " ")
    .replace(/(^| )[dl] (?=\S)/g, "$1")
    .trim();
}

/** Upper case, no accents, hyphens / apostrophes / repeated spaces as one space. */
export function normalizePersonName(name: string): string {
  // Most names are plain letters: the same result without the normalisation and the two regexes
  // (an import compares each name several times).
  if (PLAIN.test(name)) return name.toUpperCase();
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * A one-line field as typed or pasted: every run of spacing (line breaks from Alt+Entrée or a
 * quoted CSV cell, tabs, repeated spaces) as one space, none at the ends.
 */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
