"use client";

import { useEffect, useRef } from "react";
import { focusListResults } from "./list-focus";

/**
 * After a page link took the reader to another page of a list, where the link they followed is now
 * gone or disabled (« Page suivante » on the last page), the focus fell to the document and the next
 * Tab led past the list (RGAA 12.8). It goes to the rows' frame instead: the last table region before
 * the page links, or the page's title when there is none (`focusListResults`). A link that is still
 * there keeps it.
 */
export function PageChangeFocus({ page }: { page: number }) {
  const marker = useRef<HTMLSpanElement>(null);
  const shown = useRef(page);
  useEffect(() => {
    if (shown.current === page) return;
    shown.current = page;
    if (marker.current) focusListResults(marker.current, "before");
  }, [page]);
  return <span ref={marker} hidden />;
}
