"use client";

/** Last resort when the root layout itself fails: plain HTML, no design system. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="fr">
      <body>
        <main style={{ fontFamily: "sans-serif", maxWidth: "40rem", margin: "4rem auto", padding: "0 1rem" }}>
          <h1>Service momentanément indisponible</h1>
          <p>Le service HospiConnect rencontre un problème. Réessayez dans quelques minutes.</p>
          {error.digest ? <p>Référence de l&apos;incident : {error.digest}</p> : null}
        </main>
      </body>
    </html>
  );
}
