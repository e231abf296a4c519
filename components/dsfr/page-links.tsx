import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { PageChangeFocus } from "./page-change-focus";

/**
 * The DSFR's page links under a list, or nothing when the list fits on one page. react-dsfr marks
 * the current page `aria-current="true"`, which a screen reader announces as the current item; the
 * DSFR's own markup says `"page"`, and so does this. After a page change the focus goes to the rows
 * if the link followed is gone (`PageChangeFocus`).
 */
export function PageLinks({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <>
      <Pagination
        count={pageCount}
        defaultPage={page}
        showFirstLast
        getPageLinkProps={(target) => ({ href: href(target), "aria-current": target === page ? "page" : undefined })}
      />
      <PageChangeFocus page={page} />
    </>
  );
}
