/** Escapes text for HTML (a message may quote what a person typed: a file's name). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * A French page written by the server itself, for the answers that no React page can give (the
 * database away, a route handler's refusal of a link a person followed): it needs neither the
 * database, nor a script, nor the design system's files. `title` and `lead` are text; `more` is
 * the HTML that follows them.
 */
export function plainPage({ title, status, lead, more }: { title: string; status: number; lead: string; more: string }): string {
  return `<!doctype html>
<html lang="fr" data-fr-scheme="system">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – HospiConnect</title>
<style>body{font-family:Marianne,arial,sans-serif;color:#161616;margin:0}main{max-width:48rem;margin:4rem auto;padding:0 1rem}h1{font-size:2rem}.lead{font-size:1.25rem}a{color:#000091}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>Erreur ${status}</p>
<p class="lead">${escapeHtml(lead)}</p>
${more}
</main>
</body>
</html>`;
}
