import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerPageUnavailable, followResponses } from "./page-outage";

/** As Next.js answers a page: its status and headers set, then the body, after some asynchronous work. */
describe("a page that met a database outage", () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    followResponses();
    server = createServer((request, response) => {
      const url = new URL(request.url!, "http://localhost");
      const status = Number(url.searchParams.get("status"));
      const outage = url.searchParams.has("outage");
      response.setHeader("X-Request-Id", "request-1");
      response.setHeader("Set-Cookie", "a=b");
      setTimeout(() => {
        if (outage) answerPageUnavailable();
        setImmediate(() => {
          response.statusCode = status;
          response.setHeader("Content-Type", "text/html; charset=utf-8");
          if (url.searchParams.has("streamed")) {
            response.write("<html>Erreur ");
            response.end("inattendue</html>");
          } else {
            response.setHeader("Content-Length", Buffer.byteLength("<html>Erreur inattendue</html>"));
            response.end("<html>Erreur inattendue</html>");
          }
        });
      }, 5);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([
    ["written at once", "?status=500&outage"],
    ["streamed", "?status=500&outage&streamed"],
  ])("is answered the French 503 page instead of its 500 (%s), keeping its request id", async (_name, query) => {
    const response = await fetch(`${origin}/${query}`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("x-request-id")).toBe("request-1");
    expect(response.headers.get("set-cookie")).toBeNull();
    const body = await response.text();
    expect(body).toContain("Service momentanément indisponible");
    expect(body).not.toContain("inattendue");
  });

  it("is answered the API's JSON 503 under /api/", async () => {
    const response = await fetch(`${origin}/api/route?status=500&outage`);
    expect([response.status, response.headers.get("retry-after")]).toEqual([503, "5"]);
    expect((await response.json()).error).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/Réessayez/) });
  });

  it("keeps any other answer as it is, and every other request's 500", async () => {
    const served = await fetch(`${origin}/?status=200&outage`);
    expect([served.status, await served.text()]).toEqual([200, "<html>Erreur inattendue</html>"]);
    for (const query of ["?status=500", "?status=500&streamed"]) {
      const failed = await fetch(`${origin}/${query}`);
      expect([failed.status, await failed.text()]).toEqual([500, "<html>Erreur inattendue</html>"]);
    }
  });
});
