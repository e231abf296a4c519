/** What a person reads while the database is away (a restart, an incident). */
export const UNAVAILABLE_MESSAGE =
  "Le service est momentanément indisponible. Réessayez dans quelques instants : vos informations déjà enregistrées sont conservées.";

/** Seconds after which a client may try again. */
const RETRY_AFTER_SECONDS = "5";

const PAGE = `<!doctype html>
<html lang="fr" data-fr-scheme="system">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Service momentanément indisponible – HospiConnect</title>
<style>body{font-family:Marianne,arial,sans-serif;color:#161616;margin:0}main{max-width:48rem;margin:4rem auto;padding:0 1rem}h1{font-size:2rem}.lead{font-size:1.25rem}a{color:#000091}</style>
</head>
<body>
<main>
<h1>Service momentanément indisponible</h1>
<p>Erreur 503</p>
<p class="lead">${UNAVAILABLE_MESSAGE}</p>
<p>Cette page se rechargera d'elle-même ; vous pouvez aussi <a href="">la recharger</a>.</p>
</main>
</body>
</html>`;

/**
 * The 503 answer while the database is away: JSON for the app's API (the forms show its French
 * message), a plain French page for everything else (it needs neither the database, nor a script, nor the design system's files).
 */
export function unavailableResponse(request: Request, headers: Headers): Response {
  headers.set("Retry-After", RETRY_AFTER_SECONDS);
  headers.set("Cache-Control", "no-store");
  if (new URL(request.url).pathname.startsWith("/api/")) {
    return Response.json({ error: { code: "UNAVAILABLE", message: UNAVAILABLE_MESSAGE } }, { status: 503, headers });
  }
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Refresh", "10");
  return new Response(PAGE, { status: 503, headers });
}
