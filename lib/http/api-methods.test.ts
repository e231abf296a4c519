import { describe, expect, it } from "vitest";
import { appRoutes } from "@/test/app-routes";
import { API_ROUTE_METHODS, refusedMethodAllow } from "./api-methods";

describe("API_ROUTE_METHODS", () => {
  it("lists every route handler of app/api with the methods it exports", () => {
    const listed = Object.entries(API_ROUTE_METHODS).flatMap(([pattern, methods]) => methods.map((method) => `${method} ${pattern}`));
    const exported = appRoutes().filter((route) => route.split(" ")[1]!.startsWith("/api/"));
    expect(listed.sort()).toEqual(exported.sort());
  });
});

describe("refusedMethodAllow", () => {
  it("answers a method the route does not export with the ones it answers, as Next.js's OPTIONS says them", () => {
    expect(refusedMethodAllow("/api/exports", "PUT")).toBe("GET, HEAD, OPTIONS, POST");
    expect(refusedMethodAllow("/api/invitations", "GET")).toBe("OPTIONS, POST");
    expect(refusedMethodAllow("/api/v1/dossiers/abc", "POST")).toBe("GET, HEAD, OPTIONS");
    expect(refusedMethodAllow("/api/auth/signout", "DELETE")).toBe("GET, HEAD, OPTIONS, POST");
  });

  it("lets through the methods the route answers, HEAD of a GET and OPTIONS included", () => {
    for (const [path, method] of [
      ["/api/exports", "POST"],
      ["/api/exports", "HEAD"],
      ["/api/invitations", "OPTIONS"],
      ["/api/establishments/e1/roster/imports/i1", "DELETE"],
    ]) {
      expect(refusedMethodAllow(path!, method!), `${method} ${path}`).toBeUndefined();
    }
  });

  it("takes the route Next.js takes: a static segment before [id], [id] before [...rest]", () => {
    expect(refusedMethodAllow("/api/dossiers/export", "POST")).toBe("GET, HEAD, OPTIONS");
    expect(refusedMethodAllow("/api/applications/a1/receipt", "POST")).toBe("GET, HEAD, OPTIONS");
    // No route of its own: the catch-all's JSON 404 answers every method.
    expect(refusedMethodAllow("/api/applications/a1/unknown/deeper", "PUT")).toBeUndefined();
    expect(refusedMethodAllow("/api/auth/callback/passkey", "POST")).toBeUndefined();
  });
});
