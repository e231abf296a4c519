import { describe, expect, it } from "vitest";
import { failedDownloadResponse, isDocumentRequest } from "./failed-download";

const FILE = "http://app.test/api/dossiers/export?format=csv&vague=v1";

/** A browser following a link on one of our pages (Chromium's Fetch Metadata). */
const followed = (referer = "http://app.test/pilotage/dossiers?etat=SUBMITTED", site = "same-origin") =>
  new Request(FILE, { headers: { "sec-fetch-dest": "document", "sec-fetch-mode": "navigate", "sec-fetch-site": site, referer } });

describe("isDocumentRequest", () => {
  it("tells a person's navigation from a script or an API client", () => {
    expect(isDocumentRequest(followed())).toBe(true);
    expect(isDocumentRequest(new Request(FILE, { headers: { "sec-fetch-dest": "empty", accept: "*/*" } }))).toBe(false);
    expect(isDocumentRequest(new Request(FILE, { headers: { accept: "application/json" } }))).toBe(false);
    expect(isDocumentRequest(new Request(FILE))).toBe(false);
    // A browser without Fetch Metadata asks for HTML first.
    expect(isDocumentRequest(new Request(FILE, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } }))).toBe(true);
  });
});

describe("failedDownloadResponse", () => {
  it("sends a person whose session is over to the sign-in page, which comes back to the page of the link", () => {
    const response = failedDownloadResponse(followed(), 401, { code: "UNAUTHENTICATED", message: "Votre session a expiré." });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`/connexion?retour=${encodeURIComponent("/pilotage/dossiers?etat=SUBMITTED")}`);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });

  it("comes back to the file itself when the page of the link is unknown or not ours", () => {
    for (const request of [followed("https://ailleurs.example/page", "cross-site"), followed("http://app.test/api/exports/1/file")]) {
      const response = failedDownloadResponse(request, 401, { code: "UNAUTHENTICATED", message: "Votre session a expiré." });
      expect(response.headers.get("Location")).toBe(`/connexion?retour=${encodeURIComponent("/api/dossiers/export?format=csv&vague=v1")}`);
    }
  });

  it("shows any other refusal as a French page with its status and message, escaped, and a way back", async () => {
    const response = failedDownloadResponse(
      followed(),
      429,
      { code: "RATE_LIMITED", message: "Trop de <demandes>." },
      { "Retry-After": "30" },
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Retry-After")).toBe("30");
    const page = await response.text();
    expect(page).toContain('<html lang="fr"');
    expect(page).toContain("<h1>Téléchargement impossible</h1>");
    expect(page).toContain("<p>Erreur 429</p>");
    expect(page).toContain("Trop de &#60;demandes&#62;.");
    expect(page).toContain('<a href="/pilotage/dossiers?etat=SUBMITTED">Revenir à la page précédente</a>');
    expect(page).toContain('<a href="/">Page d\'accueil</a>');
  });
});
