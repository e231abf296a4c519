/**
 * Comparison keys for what people type: headers (« Prénom », « prenom », « PRÉNOM  »), enum values
 * (« Salarié(e) », « salarie e ») and names (« Jean-Pierre », « JEAN PIERRE »).
 *
 * Public API: `comparable`, `normalizePersonName`.
 */

/**
 * Lower case, no accents, punctuation turned into single spaces, elided articles dropped
 * (« Type d'identifiant PP », « Type d identifiant PP » and « Type identifiant PP » are the same
 * header). `+` is kept: FranceConnect+
 * (substantiel) is not FranceConnect.
 */
export function comparable(text: string): string {
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
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
