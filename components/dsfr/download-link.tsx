import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

/**
 * A file to download (an export, a document), as a DSFR button with the download icon: a plain
 * link, so that the browser saves the file without the page leaving.
 */
export function DownloadLink({
  href,
  priority = "secondary",
  children,
}: {
  href: string;
  priority?: "secondary" | "tertiary";
  children: ReactNode;
}) {
  return (
    <a
      className={fr.cx(
        "fr-btn",
        priority === "secondary" ? "fr-btn--secondary" : "fr-btn--tertiary",
        "fr-icon-download-line",
        "fr-btn--icon-left",
      )}
      href={href}
      download
    >
      {children}
    </a>
  );
}
