import { escapeHtml, plainPage } from "./plain-page";

/**
 * Whether a person's browser asks for a document (a link followed, an address typed), rather than
 * a script's `fetch` or an API client: Fetch Metadata says so, and a browser without it asks for
 * HTML first.
 */
export function isDocumentRequest(request: Request): boolean {
  const destination = request.headers.get("sec-fetch-dest");
  if (destination !== null) return destination === "document";
  return (request.headers.get("accept") ?? "").startsWith("text/html");
}

/**
 * The page of ours the link was followed from (the Referer), as a path; null when unknown, from
 * another site, or not a page (a route handler's address). The browser's `Sec-Fetch-Site` says
 * whether it is ours even behind a proxy that rewrites the host; without it, the request's own
 * origin does.
 */
function linkingPage(request: Request): string | null {
  const referer = request.headers.get("referer");
  const site = request.headers.get("sec-fetch-site");
  if (!referer || (site !== null && site !== "same-origin")) return null;
  try {
    const url = new URL(referer);
    if ((site === null && url.origin !== new URL(request.url).origin) || url.pathname.startsWith("/api/")) return null;
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

/**
 * A link to a file (a route handler, downloaded as an attachment) that fails, for the person who
 * followed it: the JSON error would be saved as a file (or shown raw) and the page they were on
 * would stay as it was. A session that is over leads to the sign-in page, which comes back to the
 * page of the link (to the file itself when that page is unknown); any other refusal is a French
 * page with its status and message, and a way back.
 */
export function failedDownloadResponse(
  request: Request,
  status: number,
  error: { code: string; message: string },
  headers?: HeadersInit,
): Response {
  const from = linkingPage(request);
  const answer = new Headers(headers);
  answer.set("Cache-Control", "no-store");
  if (error.code === "UNAUTHENTICATED") {
    const requested = new URL(request.url);
    answer.set("Location", `/connexion?retour=${encodeURIComponent(from ?? `${requested.pathname}${requested.search}`)}`);
    return new Response(null, { status: 303, headers: answer });
  }
  answer.set("Content-Type", "text/html; charset=utf-8");
  const back = from ? `<li><a href="${escapeHtml(from)}">Revenir à la page précédente</a></li>` : "";
  const page = plainPage({
    title: "Téléchargement impossible",
    status,
    lead: error.message,
    more: `<ul>${back}<li><a href="/">Page d'accueil</a></li></ul>`,
  });
  return new Response(page, { status, headers: answer });
}
