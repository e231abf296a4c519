import { describe, expect, it } from "vitest";
import { parseRouteParams, RouteParam } from "./route-params";

describe("route parameters", () => {
  it("takes ids a uuid column accepts, and refuses anything else as not found", () => {
    const shape = { applicationId: RouteParam.id };
    expect(parseRouteParams(shape, { applicationId: "0190b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b" })).toEqual({
      applicationId: "0190b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b",
    });
    for (const malformed of ["pas-un-identifiant", "0190b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7g", "\u0000", "", "1' OR '1'='1"]) {
      expect(() => parseRouteParams(shape, { applicationId: malformed }), malformed).toThrow(
        expect.objectContaining({ code: "NOT_FOUND" }),
      );
    }
    expect(() => parseRouteParams(shape, {})).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => parseRouteParams(shape, null)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("keeps the declared segments only", () => {
    const id = "0190b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b";
    expect(parseRouteParams({ applicationId: RouteParam.id }, { applicationId: id, other: "x" })).toEqual({ applicationId: id });
  });

  it("reads credential ids as base64url, and section slugs into sections", () => {
    expect(parseRouteParams({ credentialId: RouteParam.credentialId }, { credentialId: "cle-AbC_09" })).toEqual({
      credentialId: "cle-AbC_09",
    });
    expect(() => parseRouteParams({ credentialId: RouteParam.credentialId }, { credentialId: "a%b" })).toThrow(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
    expect(parseRouteParams({ section: RouteParam.sectionSlug }, { section: "auto-evaluation" })).toEqual({ section: "SELF_ASSESSMENT" });
    expect(parseRouteParams({ section: RouteParam.apiSection }, { section: "self-assessment" })).toEqual({ section: "SELF_ASSESSMENT" });
    expect(() => parseRouteParams({ section: RouteParam.sectionSlug }, { section: "SELF_ASSESSMENT" })).toThrow(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
  });
});
