import { failedDownloadResponse, isDocumentRequest } from "./failed-download";
import { plainPage } from "./plain-page";

/** What a person reads while the database is away (a restart, an incident). */
export const UNAVAILABLE_MESSAGE =
  "Le service est momentanément indisponible. Réessayez dans quelques instants : vos informations déjà enregistrées sont conservées.";

/** The API's error while the database is away. */
export const UNAVAILABLE_ERROR = { code: "UNAVAILABLE", message: UNAVAILABLE_MESSAGE };

/** Seconds after which a client may try again. */
export const RETRY_AFTER_SECONDS = "5";

export const UNAVAILABLE_PAGE = plainPage({
  title: "Service momentanément indisponible",
  status: 503,
  lead: UNAVAILABLE_MESSAGE,
  more: `<p>Cette page se rechargera d'elle-même ; vous pouvez aussi <a href="">la recharger</a>.</p>`,
});

/** The headers of the 503 page: retry later, keep nothing, and reload by itself. */
export const UNAVAILABLE_PAGE_HEADERS = {
  "Retry-After": RETRY_AFTER_SECONDS,
  "Cache-Control": "no-store",
  "Content-Type": "text/html; charset=utf-8",
  Refresh: "10",
} as const;

/**
 * The 503 answer while the database is away: JSON for the app's API (the forms show its French
 * message), a plain French page for everything else (it needs neither the database, nor a script, nor the design system's files).
 * A person who followed a link to a file reads the failed download's page, which leads back to
 * where they were, rather than one that reloads the file's address.
 */
export function unavailableResponse(request: Request, headers: Headers): Response {
  headers.set("Retry-After", RETRY_AFTER_SECONDS);
  headers.set("Cache-Control", "no-store");
  if (new URL(request.url).pathname.startsWith("/api/")) {
    return isDocumentRequest(request)
      ? failedDownloadResponse(request, 503, UNAVAILABLE_ERROR, headers)
      : Response.json({ error: UNAVAILABLE_ERROR }, { status: 503, headers });
  }
  for (const [name, value] of Object.entries(UNAVAILABLE_PAGE_HEADERS)) headers.set(name, value);
  return new Response(UNAVAILABLE_PAGE, { status: 503, headers });
}
