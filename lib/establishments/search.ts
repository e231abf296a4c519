import type { Prisma } from "@/lib/db/generated/client";
import { likeLiteral, nameSearchWhere } from "@/lib/db/search-fold";

/**
 * The establishments a search finds: every word in the name, in any order, without accents nor
 * capitals (ADR 0032), or the start of the site's FINESS. One rule for every list that searches them.
 */
export function establishmentSearchWhere(search: string): Prisma.EstablishmentWhereInput {
  return {
    OR: [nameSearchWhere(search), { finessEt: { startsWith: likeLiteral(search.toUpperCase()) } }],
  };
}
