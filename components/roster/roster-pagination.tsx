import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import type { TRosterFilters } from "@/lib/roster/list-professionals";
import { rosterHref } from "@/lib/roster/roster-query-string";

/** Page links of the roster table, keeping its filters and sort. */
export function RosterPagination({
  page,
  pageCount,
  filters,
  path,
}: {
  page: number;
  pageCount: number;
  filters: TRosterFilters;
  path: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <Pagination
      count={pageCount}
      defaultPage={page}
      showFirstLast
      getPageLinkProps={(target) => ({ href: rosterHref(path, filters, { page: target }) })}
    />
  );
}
