import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

/**
 * A file to download (an export, a document), as a DSFR button with the download icon: a plain
 * link, which the browser saves without the page leaving, as the route's `Content-Disposition:
 * attachment` says. No `download` attribute (ESLint refuses it): with it, the browser saves
 * whatever comes back, a refusal's JSON included, where a person must read why and sign in again
 * (lib/http/failed-download.ts).
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
    >
      {children}
    </a>
  );
}
