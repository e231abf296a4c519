import { describe, expect, it } from "vitest";
import { unavailableResponse } from "./unavailable-response";

const answer = (url: string, headers: Record<string, string> = {}) => unavailableResponse(new Request(url, { headers }), new Headers());

describe("unavailableResponse", () => {
  it("gives a page its French 503 page, which reloads itself", async () => {
    const page = answer("http://app.test/dossiers/1", { "sec-fetch-dest": "document" });
    expect([page.status, page.headers.get("Retry-After"), page.headers.get("Refresh")]).toEqual([503, "5", "10"]);
    expect(await page.text()).toContain("<h1>Service momentanément indisponible</h1>");
  });

  it("gives a script the API's JSON, and a person who followed a link to a file the failed download's page, which does not reload the file", async () => {
    const script = answer("http://app.test/api/dossiers/export", { "sec-fetch-dest": "empty", accept: "*/*" });
    expect([script.status, (await script.json()).error.code]).toEqual([503, "UNAVAILABLE"]);
    const link = answer("http://app.test/api/dossiers/export", { "sec-fetch-dest": "document" });
    expect([link.status, link.headers.get("Retry-After"), link.headers.get("Refresh")]).toEqual([503, "5", null]);
    expect(await link.text()).toContain("<h1>Téléchargement impossible</h1>");
  });
});
