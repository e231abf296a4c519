import { Pagination } from "@codegouvfr/react-dsfr/Pagination";

/**
 * The DSFR's page links under a list, or nothing when the list fits on one page. react-dsfr marks
 * the current page `aria-current="true"`, which a screen reader announces as the current item; the
 * DSFR's own markup says `"page"`, and so does this.
 */
export function PageLinks({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <Pagination
      count={pageCount}
      defaultPage={page}
      showFirstLast
      getPageLinkProps={(target) => ({ href: href(target), "aria-current": target === page ? "page" : undefined })}
    />
  );
}
