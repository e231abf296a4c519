/**
 * How an Annuaire Santé extract is recognised, by its header line alone: apart from its reading
 * (`annuaire-sante.ts`) because the browser uses it too, to send only a site's lines of the
 * national extract (`site-lines.ts`), without the server's decoders.
 *
 * Public API: `ID_TYPE_COLUMN`, `ID_COLUMN`, `looksLikeAnnuaireSante`.
 */
import { comparable } from "../template/normalize";

export const ID_TYPE_COLUMN = "Type d'identifiant PP";
export const ID_COLUMN = "Identifiant PP";

/** The header of an extract: `|`-separated with the directory's identifier columns. */
export function looksLikeAnnuaireSante(firstLine: string): boolean {
  const cells = firstLine.split("|").map(comparable);
  return cells.includes(comparable(ID_COLUMN)) && cells.includes(comparable(ID_TYPE_COLUMN));
}
