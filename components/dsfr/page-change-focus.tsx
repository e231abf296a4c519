"use client";

import { useEffect, useRef } from "react";

/**
 * After a page link took the reader to another page of a list, where the link they followed is now
 * gone or disabled (« Page suivante » on the last page), the focus fell to the document and the next
 * Tab led past the list (RGAA 12.8). It goes to the rows' frame instead: the last table region before
 * the page links, or the page's title when there is none. A link that is still there keeps it.
 */
export function PageChangeFocus({ page }: { page: number }) {
  const marker = useRef<HTMLSpanElement>(null);
  const shown = useRef(page);
  useEffect(() => {
    if (shown.current === page) return;
    shown.current = page;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const before = [...document.querySelectorAll<HTMLElement>("main [role='region'][tabindex]")].filter(
      (region) => marker.current && region.compareDocumentPosition(marker.current) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    const title = document.querySelector<HTMLElement>("main h1");
    if (before.length > 0) before[before.length - 1]!.focus();
    else if (title) {
      title.tabIndex = -1;
      title.focus();
    }
  }, [page]);
  return <span ref={marker} hidden />;
}
