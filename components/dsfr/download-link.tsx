import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

/**
 * A file to download (an export, a document), as a DSFR button with the download icon: a plain
 * link, so that the browser saves the file without the page leaving.
 */
export function DownloadLink({
  href,
  priority = "secondary",
  describedBy,
  children,
}: {
  href: string;
  priority?: "secondary" | "tertiary";
  /** The id of the text that says what the file holds, when the button's words cannot. */
  describedBy?: string;
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
      aria-describedby={describedBy}
      download
    >
      {children}
    </a>
  );
}
