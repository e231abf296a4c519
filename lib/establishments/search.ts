import type { Prisma } from "@/lib/db/generated/client";
import { nameSearchWhere } from "@/lib/db/search-fold";
import { normalizeFiness } from "@/lib/identifiers/finess";

/**
 * The establishments a search finds: every word in the name, in any order, without accents nor
 * capitals (ADR 0032), or the start of the site's FINESS, typed in groups or not (« 860 001 239 »,
 * as the forms accept it). One rule for every list that searches them.
 */
export function establishmentSearchWhere(search: string): Prisma.EstablishmentWhereInput {
  const finessStart = normalizeFiness(search);
  return {
    OR: [nameSearchWhere(search), ...(/^(\d+|2[AB]\d*)$/.test(finessStart) ? [{ finessEt: { startsWith: finessStart } }] : [])],
  };
}
