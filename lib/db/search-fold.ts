/**
 * How searches compare names: without accents, case or the typographic apostrophe, so that
 * « helene » finds « Hélène », « hopital » « HÔPITAL » and « l'ile » « L’Île ». The database folds
 * the stored names with the same table (`search_fold` in the migration
 * 20261205220000_accent_insensitive_search, into the generated `nameSearch` columns); a test
 * checks that the two agree on every letter listed here.
 */

/** Latin letters with diacritics (U+00C0–U+024F that decompose into an ASCII letter), in order. */
export const ACCENTED_LETTERS =
  "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ";
/** Their base letters in lower case, one for one. */
export const BASE_LETTERS =
  "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyy";
/** Letters folded into two, and apostrophes folded into the ASCII one. */
const OTHER_FOLDS: Record<string, string> = { Œ: "oe", œ: "oe", Æ: "ae", æ: "ae", "’": "'", "‘": "'", ʼ: "'" };

const FOLDS = new Map<string, string>([...ACCENTED_LETTERS].map((letter, index) => [letter, BASE_LETTERS[index]!]));
for (const [letter, folded] of Object.entries(OTHER_FOLDS)) FOLDS.set(letter, folded);

/** A text as `search_fold` stores it: letters folded, ASCII capitals lowered (the database lowers under the C collation). */
export function foldForSearch(text: string): string {
  let folded = "";
  for (const char of text) folded += FOLDS.get(char) ?? char;
  return folded.replace(/[A-Z]+/g, (capitals) => capitals.toLowerCase());
}

/**
 * The words of a search, folded and ready for Prisma's `contains`: a name matches when it contains
 * every one of them, in any order.
 */
export function searchWords(search: string | undefined): string[] {
  return [
    ...new Set(
      foldForSearch(search ?? "")
        .split(/\s+/)
        .filter(Boolean)
        .map(likeLiteral),
    ),
  ];
}

/**
 * The rows whose generated `nameSearch` column holds every word of the search, in any order: the
 * condition of every list that searches names (establishments, professionals, accounts).
 */
export function nameSearchWhere(search: string | undefined): { AND: Array<{ nameSearch: { contains: string } }> } {
  return { AND: searchWords(search).map((word) => ({ nameSearch: { contains: word } })) };
}

/**
 * A text for Prisma's `contains` and `startsWith`, which write it into a LIKE pattern as it is: its
 * `%` and `_` would match anything (« %%% » every row, « k%m » « Karim »).
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
