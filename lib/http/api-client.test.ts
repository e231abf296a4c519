import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, callApi, requestFailure } from "./api-client";

describe("requestFailure", () => {
  it("says nothing of a request the page itself gave up (a navigation, an AbortController)", () => {
    const aborted = requestFailure(new DOMException("The user aborted a request.", "AbortError"));
    expect(aborted).toBeInstanceOf(ApiError);
    expect([aborted.code, aborted.message]).toEqual(["ABORTED", ""]);
  });

  it("says the server does not answer when the network failed", () => {
    const failed = requestFailure(new TypeError("Failed to fetch"));
    expect([failed.code, failed.status, failed.message]).toEqual([
      "NETWORK",
      0,
      "Le serveur ne répond pas. Vérifiez votre connexion et réessayez.",
    ]);
  });
});

describe("callApi", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("rejects an aborted request with an empty message, which the forms and lists do not show", async () => {
    vi.stubGlobal("fetch", () => Promise.reject(new DOMException("The user aborted a request.", "AbortError")));
    await expect(callApi("/api/exports", "GET")).rejects.toMatchObject({ code: "ABORTED", message: "" });
  });
});
