import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("return path after sign-in", () => {
  it.each([
    ["/dossiers/42?onglet=budget", "/dossiers/42?onglet=budget"],
    [undefined, "/"],
    ["https://evil.example/phish", "/"],
    ["//evil.example/phish", "/"],
    ["/\\evil.example", "/"],
    // Paths that the URL parser normalises into a protocol-relative one.
    ["/.//evil.example/phish", "/"],
    ["/a/..//evil.example", "/"],
    ["/./\\evil.example", "/"],
  ])("%s → %s", (candidate, expected) => {
    expect(safeReturnPath(candidate)).toBe(expected);
  });
});
